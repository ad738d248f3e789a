package org.greenledger.providercarbon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.core.table.IngestionJson;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenledger.providercarbon.ProviderCarbonFiles.assertKg;

/**
 * The AWS sample in its other containers gives the same figures: the export split into
 * its monthly partitions (gzip CSV, one upload each), as Parquet, and as Sustainability
 * API responses (two pages) built from the same rows.
 */
@IntegrationTest
class ProviderCarbonContainersTests {

	private static final String PERIOD = "from=2025-07-01&to=2025-09-30";

	@LocalServerPort
	int port;

	HttpTestClient http;

	List<String> header;

	List<List<String>> rows;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		List<String> lines = ProviderCarbonFiles.text(ProviderCarbonFiles.AWS_CSV).lines().toList();
		this.header = List.of(lines.get(0).split(","));
		this.rows = lines.stream().skip(1).map(line -> List.of(line.split(",", -1))).toList();
	}

	@Test
	void theMonthlyPartitionsGiveTheFilesTotals() {
		for (String month : List.of("2025-07", "2025-08", "2025-09")) {
			StringBuilder csv = new StringBuilder(String.join(",", this.header)).append('\n');
			this.rows.stream()
				.filter(row -> cell(row, "usage_period_start").startsWith(month))
				.forEach(row -> csv.append(String.join(",", row)).append('\n'));
			DocumentContext job = ProviderCarbonFiles.upload(this.http, "acme-carbon-export-00001.csv.gz",
					ProviderCarbonFiles.uniquelyGzipped(csv.toString().getBytes(StandardCharsets.UTF_8)));
			assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
			assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(10);
		}
		assertAwsTotals();
	}

	@Test
	void parquetIsDetectedByItsColumnsAndGivesTheSameFigures(@TempDir Path directory) throws IOException {
		DocumentContext job = ProviderCarbonFiles.upload(this.http, "acme-carbon-export-00001.snappy.parquet",
				parquet(directory.resolve("carbon.parquet")));

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.format", String.class)).isEqualTo("AWS CARBON_EMISSIONS export");
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(30);
		assertAwsTotals();
	}

	@Test
	void sustainabilityApiResponsesGiveTheSameFigures() {
		DocumentContext job = ProviderCarbonFiles.upload(this.http, "GetEstimatedCarbonEmissions.json.gz",
				ProviderCarbonFiles.uniquelyGzipped(apiExchanges().getBytes(StandardCharsets.UTF_8)));

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.format", String.class)).isEqualTo("AWS Sustainability API carbon emissions");
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(30);
		assertAwsTotals();
	}

	private void assertAwsTotals() {
		JsonNode kg = ProviderCarbonFiles
			.group(ProviderCarbonFiles.get(this.http, "/api/v1/provider-carbon?" + PERIOD + "&groupBy=provider"), "AWS")
			.path("kgCo2e");
		assertKg(kg, "scope1", "446.464");
		assertKg(kg, "scope2LocationBased", "55808");
		assertKg(kg, "scope2MarketBased", "97.65");
		assertKg(kg, "scope3LocationBased", "32497.36");
		assertKg(kg, "scope3MarketBased", "26370.198");
		assertKg(kg, "totalLocationBased", "88751.824");
		assertKg(kg, "totalMarketBased", "26914.312");
	}

	private String cell(List<String> row, String column) {
		return row.get(this.header.indexOf(column));
	}

	/**
	 * The sample as Parquet: text as strings, figures as doubles, periods as timestamps.
	 */
	private byte[] parquet(Path file) throws IOException {
		StringBuilder schema = new StringBuilder("message carbon_emissions {\n");
		for (String column : this.header) {
			boolean time = column.contains("timestamp") || column.startsWith("usage_period");
			String type = column.endsWith("_value") ? "double " + column
					: time ? "int64 " + column + " (TIMESTAMP(MICROS,true))" : "binary " + column + " (STRING)";
			schema.append("  optional ").append(type).append(";\n");
		}
		MessageType type = MessageTypeParser.parseMessageType(schema.append('}').toString());
		SimpleGroupFactory groups = new SimpleGroupFactory(type);
		try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
			.withConf(new PlainParquetConfiguration())
			.withType(type)
			.withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
			.build()) {
			for (List<String> row : this.rows) {
				Group group = groups.newGroup();
				for (int i = 0; i < this.header.size(); i++) {
					String column = this.header.get(i);
					String value = row.get(i);
					if (column.endsWith("_value")) {
						group.append(column, Double.parseDouble(value));
					}
					else if (column.contains("timestamp") || column.startsWith("usage_period")) {
						Instant instant = Instant.parse(value.replace(' ', 'T'));
						group.append(column, ChronoUnit.MICROS.between(Instant.EPOCH, instant));
					}
					else {
						group.append(column, value);
					}
				}
				writer.write(group);
			}
		}
		return Files.readAllBytes(file);
	}

	/**
	 * The sample as GetEstimatedCarbonEmissions exchanges: grouped by account, region and
	 * service, monthly, all seven emission types, 20 results and a NextToken, then 10.
	 */
	private String apiExchanges() {
		Map<String, String> types = new LinkedHashMap<>();
		types.put("TOTAL_LBM_CARBON_EMISSIONS", "total_lbm_emissions_value");
		types.put("TOTAL_MBM_CARBON_EMISSIONS", "total_mbm_emissions_value");
		types.put("TOTAL_SCOPE_1_CARBON_EMISSIONS", "total_scope_1_emissions_value");
		types.put("TOTAL_SCOPE_2_LBM_CARBON_EMISSIONS", "total_scope_2_lbm_emissions_value");
		types.put("TOTAL_SCOPE_2_MBM_CARBON_EMISSIONS", "total_scope_2_mbm_emissions_value");
		types.put("TOTAL_SCOPE_3_LBM_CARBON_EMISSIONS", "total_scope_3_lbm_emissions_value");
		types.put("TOTAL_SCOPE_3_MBM_CARBON_EMISSIONS", "total_scope_3_mbm_emissions_value");
		ObjectNode root = IngestionJson.MAPPER.createObjectNode();
		ArrayNode exchanges = root.putArray("exchanges");
		List<List<List<String>>> pages = List.of(this.rows.subList(0, 20), this.rows.subList(20, 30));
		for (int page = 0; page < pages.size(); page++) {
			ObjectNode exchange = exchanges.addObject();
			ObjectNode request = exchange.putObject("request");
			request.putObject("TimePeriod").put("Start", "2025-07-01T00:00:00Z").put("End", "2025-10-01T00:00:00Z");
			request.putArray("GroupBy").add("USAGE_ACCOUNT_ID").add("REGION").add("SERVICE");
			request.put("Granularity", "MONTHLY").put("MaxResults", 20);
			ObjectNode response = exchange.putObject("response");
			ArrayNode results = response.putArray("Results");
			for (List<String> row : pages.get(page)) {
				ObjectNode result = results.addObject();
				result.putObject("TimePeriod")
					.put("Start", cell(row, "usage_period_start").replace(' ', 'T'))
					.put("End", cell(row, "usage_period_end").replace(' ', 'T'));
				result.putObject("DimensionsValues")
					.put("USAGE_ACCOUNT_ID", cell(row, "usage_account_id"))
					.put("REGION", cell(row, "region_code"))
					.put("SERVICE", cell(row, "product_code"));
				result.put("ModelVersion", cell(row, "model_version"));
				ObjectNode values = result.putObject("EmissionsValues");
				types.forEach((emissionsType, column) -> values.putObject(emissionsType)
					.put("Value", new java.math.BigDecimal(cell(row, column)))
					.put("Unit", "MTCO2e"));
			}
			if (page == 0) {
				response.put("NextToken", "page-2");
			}
		}
		return root.toString();
	}

}

package org.greenledger.providercarbon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

import com.jayway.jsonpath.DocumentContext;
import tools.jackson.databind.JsonNode;

import org.greenledger.HttpTestClient;
import org.greenledger.MeasuredUploads;
import org.greenledger.core.table.IngestionJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider carbon fixtures, uploads of them, and the provider carbon API's answers.
 */
final class ProviderCarbonFiles {

	static final String DIR = "/fixtures/provider-carbon/";

	static final String AWS_CSV = DIR + "aws/carbon_emissions_export_synthetic.csv";

	static final String GCP_CSV = DIR + "gcp/carbon_footprint_export_synthetic.csv";

	static final String GCP_NDJSON = DIR + "gcp/carbon_footprint_export_synthetic.ndjson";

	static final String AZURE_SUMMARY = DIR + "azure/carbon_api_monthly_summary_synthetic.json";

	static final String AZURE_OFFICIAL_SUMMARY = DIR
			+ "azure/official/2025-10-01_queryCarbonEmissionsMonthlySummaryReport.json";

	static final String AZURE_OFFICIAL_ITEMS = DIR
			+ "azure/official/2025-10-01_queryCarbonEmissionsResourceItemDetailsReportWithPaginationToken.json";

	private ProviderCarbonFiles() {
	}

	static byte[] bytes(String resource) {
		try (InputStream in = ProviderCarbonFiles.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String text(String resource) {
		return new String(bytes(resource), java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * The content gzip-compressed with a random modification time in its header, so that
	 * every test run uploads new bytes (the file store answers the same bytes as a
	 * duplicate) while the decompressed content stays the fixture's.
	 */
	static byte[] uniquelyGzipped(byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] gz = out.toByteArray();
		int mtime = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
		for (int i = 0; i < 4; i++) {
			gz[4 + i] = (byte) (mtime >>> (8 * i));
		}
		return gz;
	}

	static DocumentContext upload(HttpTestClient http, String fileName, byte[] content) {
		return new MeasuredUploads(http).upload(fileName, content, Map.of());
	}

	/** The answer of a GET as JSON with exact decimals. */
	static JsonNode get(HttpTestClient http, String path) {
		var response = http.get(path, MeasuredUploads.admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return IngestionJson.MAPPER.readTree(response.body());
	}

	/** The group with this key of a provider carbon answer. */
	static JsonNode group(JsonNode answer, String key) {
		for (JsonNode group : answer.path("groups")) {
			if (group.path("key").asString().equals(key)) {
				return group;
			}
		}
		throw new AssertionError("No group " + key + " in " + answer);
	}

	static void assertKg(JsonNode figures, String field, String expected) {
		JsonNode value = figures.path(field);
		assertThat(value.isNumber()).as(field + " of " + figures).isTrue();
		assertThat(value.decimalValue()).as(field).isEqualByComparingTo(new BigDecimal(expected));
	}

	static void assertNull(JsonNode figures, String field) {
		assertThat(figures.has(field) && figures.path(field).isNull()).as(field + " is null in " + figures).isTrue();
	}

}

package org.greenledger.providercarbon;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenledger.providercarbon.ProviderCarbonFiles.assertKg;
import static org.greenledger.providercarbon.ProviderCarbonFiles.assertNull;

/**
 * The shared sample files go through the normal upload and job path, are detected, and
 * their figures come back exactly (kg, summed independently from the files: AWS metric
 * tons x 1000; in every AWS and Google row total = scope 1 + scope 2 + scope 3 of the
 * basis, so the totals below are both the files' own total columns and the sums of the
 * scopes).
 */
@IntegrationTest
class ProviderCarbonImportTests {

	private static final String PERIOD = "from=2025-07-01&to=2025-09-30";

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void theAwsExportIsDetectedAndReproducesItsTotalsInKilograms() {
		DocumentContext job = ProviderCarbonFiles.upload(this.http, "carbon-export.csv.gz",
				ProviderCarbonFiles.uniquelyGzipped(ProviderCarbonFiles.bytes(ProviderCarbonFiles.AWS_CSV)));

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.format", String.class)).isEqualTo("AWS CARBON_EMISSIONS export");
		assertThat(job.read("$.rowsRead", Long.class)).isEqualTo(30);
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(30);
		JsonNode aws = ProviderCarbonFiles.group(
				ProviderCarbonFiles.get(this.http, "/api/v1/provider-carbon?" + PERIOD + "&groupBy=provider"), "AWS");
		JsonNode kg = aws.path("kgCo2e");
		assertKg(kg, "scope1", "446.464");
		assertKg(kg, "scope2LocationBased", "55808");
		assertKg(kg, "scope2MarketBased", "97.65");
		assertKg(kg, "scope3LocationBased", "32497.36");
		assertKg(kg, "scope3MarketBased", "26370.198");
		assertKg(kg, "totalLocationBased", "88751.824");
		assertKg(kg, "totalMarketBased", "26914.312");
		assertThat(aws.path("modelVersions").toString()).isEqualTo("[\"v3.0.0\"]");
	}

	@Test
	void awsMonthsAndAccountsReproduceTheFile() {
		ProviderCarbonFiles.upload(this.http, "carbon-export.csv.gz",
				ProviderCarbonFiles.uniquelyGzipped(ProviderCarbonFiles.bytes(ProviderCarbonFiles.AWS_CSV)));
		JsonNode months = ProviderCarbonFiles.get(this.http,
				"/api/v1/provider-carbon?" + PERIOD + "&groupBy=month&provider=aws");
		assertKg(ProviderCarbonFiles.group(months, "2025-07").path("kgCo2e"), "totalLocationBased", "28980.678");
		assertKg(ProviderCarbonFiles.group(months, "2025-08").path("kgCo2e"), "totalLocationBased", "32388.012");
		assertKg(ProviderCarbonFiles.group(months, "2025-09").path("kgCo2e"), "totalLocationBased", "27383.134");
		JsonNode accounts = ProviderCarbonFiles.get(this.http,
				"/api/v1/provider-carbon?" + PERIOD + "&groupBy=account&provider=aws");
		assertKg(ProviderCarbonFiles.group(accounts, "111122223333").path("kgCo2e"), "totalLocationBased", "10434.024");
		assertKg(ProviderCarbonFiles.group(accounts, "444455556666").path("kgCo2e"), "totalLocationBased", "51609.886");
		assertKg(ProviderCarbonFiles.group(accounts, "777788889999").path("kgCo2e"), "totalLocationBased", "26707.914");
	}

	@Test
	void googleCsvAndNdjsonGiveTheSameFiguresWithOneScope3UnderBothBases() {
		for (String file : List.of(ProviderCarbonFiles.GCP_CSV, ProviderCarbonFiles.GCP_NDJSON)) {
			DocumentContext job = ProviderCarbonFiles.upload(this.http, file.substring(file.lastIndexOf('/') + 1),
					ProviderCarbonFiles.uniquelyGzipped(ProviderCarbonFiles.bytes(file)));
			assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
			assertThat(job.read("$.format", String.class)).startsWith("Google Cloud carbon footprint");
			assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(34);
			JsonNode kg = ProviderCarbonFiles
				.group(ProviderCarbonFiles.get(this.http, "/api/v1/provider-carbon?" + PERIOD + "&groupBy=provider"),
						"Google Cloud")
				.path("kgCo2e");
			assertKg(kg, "scope1", "257.47344");
			assertKg(kg, "scope2LocationBased", "15748.242");
			assertKg(kg, "scope2MarketBased", "1784.7711");
			assertKg(kg, "scope3LocationBased", "6329.5554");
			assertKg(kg, "scope3MarketBased", "6329.5554");
			assertKg(kg, "totalLocationBased", "22335.27084");
			assertKg(kg, "totalMarketBased", "8371.79994");
		}
		JsonNode projects = ProviderCarbonFiles.get(this.http,
				"/api/v1/provider-carbon?" + PERIOD + "&groupBy=account&provider=gcp");
		assertKg(ProviderCarbonFiles.group(projects, "acme-ml-training").path("kgCo2e"), "totalLocationBased",
				"12230.89248");
		assertKg(ProviderCarbonFiles.group(projects, "918273645500").path("kgCo2e"), "totalLocationBased", "132.672");
		assertKg(ProviderCarbonFiles.group(projects, ProviderCarbonQuery.NONE).path("kgCo2e"), "totalLocationBased",
				"118.18464");
	}

	@Test
	void azureMonthlySummaryGivesOnlyTotalsAndNullScopes() {
		DocumentContext job = ProviderCarbonFiles.upload(this.http, "azure-summary.json.gz",
				ProviderCarbonFiles.uniquelyGzipped(ProviderCarbonFiles.bytes(ProviderCarbonFiles.AZURE_SUMMARY)));

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.format", String.class)).isEqualTo("Azure carbon optimization report");
		JsonNode months = ProviderCarbonFiles.get(this.http,
				"/api/v1/provider-carbon?" + PERIOD + "&groupBy=month&provider=azure");
		JsonNode september = ProviderCarbonFiles.group(months, "2025-09").path("kgCo2e");
		assertKg(september, "totalLocationBased", "96.16");
		assertKg(september, "totalMarketBased", "96.16");
		assertNull(september, "scope1");
		assertNull(september, "scope2LocationBased");
		assertNull(september, "scope3MarketBased");
		assertKg(ProviderCarbonFiles.group(months, "2025-08").path("kgCo2e"), "totalLocationBased", "88.1");
		assertKg(ProviderCarbonFiles.group(months, "2025-07").path("kgCo2e"), "totalLocationBased", "61.07");
	}

	@Test
	void microsoftsOwnExamplesAreRead() {
		DocumentContext summary = ProviderCarbonFiles.upload(this.http, "summary.json",
				ProviderCarbonFiles.bytes(ProviderCarbonFiles.AZURE_OFFICIAL_SUMMARY));
		DocumentContext items = ProviderCarbonFiles.upload(this.http, "items.json",
				ProviderCarbonFiles.bytes(ProviderCarbonFiles.AZURE_OFFICIAL_ITEMS));

		assertThat(summary.read("$.status", String.class)).as(summary.jsonString()).isEqualTo("COMPLETED");
		assertThat(items.read("$.status", String.class)).as(items.jsonString()).isEqualTo("COMPLETED");
		JsonNode byScope = ProviderCarbonFiles.get(this.http,
				"/api/v1/provider-carbon?from=2024-03-01&to=2024-05-31&groupBy=scope&provider=azure");
		// the summary: 0.1 kg in each of March, April and May for subscription ...0000
		// (Scope1 + Scope3); the item details, sent later: five resources of 0.1 kg in
		// May, three of them in ...0000, whose May summary they replace
		assertKg(ProviderCarbonFiles.group(byScope, "1+3").path("kgCo2e"), "totalLocationBased", "0.7");
		assertNull(ProviderCarbonFiles.group(byScope, "1+3").path("kgCo2e"), "scope1");
		JsonNode byService = ProviderCarbonFiles.get(this.http,
				"/api/v1/provider-carbon?from=2024-05-01&to=2024-05-31&groupBy=service&provider=azure");
		assertKg(ProviderCarbonFiles.group(byService, "microsoft.storage/storageaccounts").path("kgCo2e"),
				"totalLocationBased", "0.5");
	}

	@Test
	void aMonthOutsideTheAcceptedDatesIsARowError() {
		String csv = "usage_month,billing_account_id,project_id,service_description,region,carbon_model_version,"
				+ "carbon_footprint_scope1,carbon_footprint_scope2_location_based,carbon_footprint_scope3\n"
				+ "1960-01-01,01A2B3-C4D5E6-F7A8B9,old-project,Compute Engine,us-central1,14,1,2,3\n";
		DocumentContext job = ProviderCarbonFiles.upload(this.http, "old.csv.gz",
				ProviderCarbonFiles.uniquelyGzipped(csv.getBytes(StandardCharsets.UTF_8)));

		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(job.read("$.errors[0].column", String.class)).isEqualTo("usage_month");
		assertThat(job.read("$.errors[0].message", String.class)).contains("outside the accepted dates");
	}

	@Test
	void aBadFigureRefusesTheWholeFileNamingRowAndColumn() {
		String csv = ProviderCarbonFiles.text(ProviderCarbonFiles.AWS_CSV);
		String[] lines = csv.replace("111122223333,2025-08-01", "999900001111,2025-08-01").split("\n");
		String[] cells = lines[3].split(",", -1);
		cells[13] = "abc";
		lines[3] = String.join(",", cells);
		String broken = String.join("\n", lines);
		DocumentContext job = ProviderCarbonFiles.upload(this.http, "broken.csv.gz",
				ProviderCarbonFiles.uniquelyGzipped(broken.getBytes(StandardCharsets.UTF_8)));

		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(job.read("$.errors[0].row", Long.class)).isEqualTo(3);
		assertThat(job.read("$.errors[0].column", String.class)).isEqualTo("total_scope_2_lbm_emissions_value");
		assertThat(job.read("$.errors[0].message", String.class)).contains("'abc' is not a number");
		JsonNode accounts = ProviderCarbonFiles.get(this.http,
				"/api/v1/provider-carbon?" + PERIOD + "&groupBy=account&provider=aws");
		assertThat(accounts.toString()).as("nothing of the file is stored").doesNotContain("999900001111");
		var rejected = this.http.get("/api/v1/ingestions/" + job.read("$.id") + "/rejected-rows",
				org.greenledger.MeasuredUploads.admin());
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(rejected.body()).as("the rejected row with its original cells")
			.contains("abc")
			.contains("total_scope_2_lbm_emissions_value");
	}

}

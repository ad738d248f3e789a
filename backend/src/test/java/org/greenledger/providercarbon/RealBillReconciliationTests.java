package org.greenledger.providercarbon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reconciliation on a real bill: the anonymized legacy CUR of the FinOps Foundation's
 * focus_converters (account 123412340534, November 2023, 1,281 line items, mostly S3 in
 * us-west-2 and KMS in ca-central-1; see corpus/billing/SOURCES.md), moved into an unused
 * month with every other cell kept, and an AWS CARBON_EMISSIONS export of the same
 * account and month written here with figures chosen as AWS would report such an account
 * (stated below). The reconciliation gives GreenLedger's figure computed from the real
 * bill (the footprint API's), the provider's, the difference and its causes.
 */
@IntegrationTest
class RealBillReconciliationTests {

	static final String ACCOUNT = "123412340534";

	private static final String BILL = "/corpus/billing/aws-cur-legacy/sample-anonymous-aws-export-dataset.csv";

	private static final String CARBON_HEADER = "usage_account_id,usage_period_start,model_version,product_code,"
			+ "region_code,total_scope_1_emissions_value,total_scope_2_lbm_emissions_value,"
			+ "total_scope_2_mbm_emissions_value,total_scope_3_lbm_emissions_value,total_scope_3_mbm_emissions_value\n";

	@LocalServerPort
	int port;

	HttpTestClient http;

	YearMonth month;

	@BeforeEach
	void setUp() throws IOException {
		this.http = new HttpTestClient(this.port);
		this.month = TestMonths.unusedMonth(this.http);
		// the real bill's usage runs from 2023-11-01 to 2023-11-15, its period ends on
		// 2023-12-01: every date moves by whole months, days and times are kept
		String real = ProviderCarbonFiles.text(BILL);
		String moved = real.replace("2023-12-01", this.month.plusMonths(1).atDay(1).toString())
			.replace("2023-11-", this.month + "-");
		DocumentContext billed = new MeasuredUploads(this.http).upload("sample-anonymous-aws-export-dataset.csv.gz",
				ProviderCarbonFiles.uniquelyGzipped(moved.getBytes(StandardCharsets.UTF_8)), Map.of());
		assertThat(billed.read("$.status", String.class)).as(billed.jsonString()).isEqualTo("COMPLETED");
		// AWS's export of the same account and month, metric tons (model v3.0.0): S3 in
		// Oregon, where AWS matches its electricity with renewable purchases
		// (market-based
		// Scope 2 of 0), and KMS in Montreal, a service the bill prices per request
		String carbon = CARBON_HEADER
				+ row("AmazonS3", "us-west-2", "0.000001", "0.000060", "0.000000", "0.000040", "0.000040")
				+ row("awskms", "ca-central-1", "0.000000", "0.000001", "0.000000", "0.000001", "0.000001");
		DocumentContext reported = ProviderCarbonFiles.upload(this.http, "carbon.csv.gz",
				ProviderCarbonFiles.uniquelyGzipped(carbon.getBytes(StandardCharsets.UTF_8)));
		assertThat(reported.read("$.status", String.class)).as(reported.jsonString()).isEqualTo("COMPLETED");
	}

	private String row(String product, String region, String... tons) {
		return ACCOUNT + "," + this.month.atDay(1) + ",v3.0.0," + product + "," + region + "," + String.join(",", tons)
				+ "\n";
	}

	@Test
	void theAccountsMonthGivesBothFiguresTheDifferenceAndItsCauses() {
		JsonNode ledger = ProviderCarbonFiles.group(ProviderCarbonFiles.get(this.http, "/api/v1/footprint?from="
				+ this.month.atDay(1) + "&to=" + this.month.atEndOfMonth() + "&groupBy=account"), ACCOUNT);
		double location = ledger.path("co2eKg").path("locationBased").asDouble();
		double market = ledger.path("co2eKg").path("marketBased").asDouble();
		double embodied = ledger.path("co2eKg").path("embodied").asDouble();
		// GreenLedger's estimate of the real bill: 0.1503 kg, no embodied part (no
		// instances billed), its market-based figure the location-based one
		assertThat(location).isCloseTo(0.150307, within(1e-6));
		assertThat(market).isCloseTo(location, within(1e-12));
		assertThat(embodied).isCloseTo(0, within(1e-12));

		JsonNode group = ProviderCarbonFiles.group(reconcile("account"), ACCOUNT);
		// provider, in g: 1 + 60 + 40 (S3) + 0 + 1 + 1 (KMS) = 103 location-based, 1 + 0
		// +
		// 40 + 0 + 0 + 1 = 42 market-based, of which Scope 3 41
		ProviderCarbonFiles.assertKg(group.path("providerReported"), "totalLocationBased", "0.103");
		ProviderCarbonFiles.assertKg(group.path("providerReported"), "totalMarketBased", "0.042");
		ProviderCarbonFiles.assertKg(group.path("providerReported"), "scope3LocationBased", "0.041");
		JsonNode greenledger = group.path("greenledger");
		assertThat(greenledger.path("operationalLocationBased").asDouble()).isCloseTo(location, within(1e-9));
		assertThat(greenledger.path("operationalMarketBased").asDouble()).isCloseTo(market, within(1e-9));
		assertThat(greenledger.path("embodied").asDouble()).isCloseTo(embodied, within(1e-9));
		assertThat(greenledger.path("lines").asLong()).isEqualTo(1281);
		// provider minus GreenLedger: -0.0473 kg location-based, -0.1083 kg market-based
		double difference = 0.103 - (location + embodied);
		assertThat(group.path("differenceLocationBased").asDouble()).isCloseTo(difference, within(1e-9))
			.isCloseTo(-0.047307, within(1e-6));
		assertThat(group.path("differenceMarketBased").asDouble()).isCloseTo(0.042 - (market + embodied), within(1e-9));
		// the provider's Scope 3 (41 g) has no counterpart in GreenLedger's figure
		assertThat(cause(group, "SCOPE_3_BOUNDARY").path("kgCo2e").asDouble()).isCloseTo(0.041 - embodied,
				within(1e-9));
		assertThat(group.path("causes")).hasSize(1);
		assertThat(group.path("unexplained").asDouble()).isCloseTo(difference - (0.041 - embodied), within(1e-9))
			.isCloseTo(-0.088307, within(1e-6));
		// beside it: 89 % of GreenLedger's figure rests on spend-based factors (tier 4)
		double spendShare = ledger.path("dataQualityShares").path("4").asDouble();
		assertThat(spendShare).isCloseTo(0.892149, within(1e-6));
		assertThat(cause(group.path("context"), "SPEND_BASED_ESTIMATES").path("kgCo2e").asDouble())
			.isCloseTo(location * spendShare, within(1e-9))
			.isCloseTo(0.134096, within(1e-6));
	}

	@Test
	void byServiceS3AndKmsMeetTheirProductCodes() {
		JsonNode services = reconcile("service");

		JsonNode s3 = ProviderCarbonFiles.group(services, "AmazonS3");
		ProviderCarbonFiles.assertKg(s3.path("providerReported"), "totalLocationBased", "0.101");
		assertThat(s3.path("greenledger").path("lines").asLong()).isEqualTo(799);
		assertThat(s3.path("greenledger").path("operationalLocationBased").asDouble()).isCloseTo(0.128833,
				within(1e-6));
		assertThat(cause(s3.path("context"), "SPEND_BASED_ESTIMATES").path("kgCo2e").asDouble()).isCloseTo(0.112632,
				within(1e-6));
		// KMS: the export's product code meets the bill's service name through the code
		// table
		JsonNode kms = ProviderCarbonFiles.group(services, "awskms");
		ProviderCarbonFiles.assertKg(kms.path("providerReported"), "totalLocationBased", "0.002");
		assertThat(kms.path("greenledger").path("operationalLocationBased").asDouble()).isCloseTo(0.021442,
				within(1e-6));

		// by region, KMS's Montreal meets the bill's ca-central-1 (KMS and S3 lines)
		JsonNode montreal = ProviderCarbonFiles.group(reconcile("region"), "ca-central-1");
		ProviderCarbonFiles.assertKg(montreal.path("providerReported"), "totalLocationBased", "0.002");
		assertThat(montreal.path("greenledger").path("operationalLocationBased").asDouble()).isCloseTo(0.021660,
				within(1e-6));
	}

	private JsonNode reconcile(String groupBy) {
		return ProviderCarbonFiles.get(this.http, "/api/v1/reconciliation?from=" + this.month.atDay(1) + "&to="
				+ this.month.atEndOfMonth() + "&provider=aws&groupBy=" + groupBy);
	}

	/** The cause of this name in a group (its causes) or in a list of causes. */
	private static JsonNode cause(JsonNode group, String name) {
		for (JsonNode cause : group.isArray() ? group : group.path("causes")) {
			if (cause.path("cause").asString().equals(name)) {
				return cause;
			}
		}
		throw new AssertionError("No cause " + name + " in " + group);
	}

}

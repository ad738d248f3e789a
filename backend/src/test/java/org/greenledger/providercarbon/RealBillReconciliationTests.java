package org.greenledger.providercarbon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
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
		// AWS's export of the same account and month, metric tons (model v3.0.0): S3
		// in Oregon, where AWS matches its electricity with renewable purchases
		// (market-based Scope 2 of 0), and KMS in Montreal, a service the bill prices
		// per request
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
		// + 40 + 0 + 0 + 1 = 42 market-based, of which Scope 3 41
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
		// by service inside the account: S3 (AWS 101 g of which Scope 3 40 g) and KMS (2
		// g, Scope 3 1 g) on both sides; GreenLedger's other services (CloudTrail,
		// CloudWatch, EFS, ...) on its side only
		JsonNode services = reconcile("service");
		JsonNode s3 = ProviderCarbonFiles.group(services, "AmazonS3").path("greenledger");
		JsonNode kms = ProviderCarbonFiles.group(services, "awskms").path("greenledger");
		double s3Kg = s3.path("operationalLocationBased").asDouble();
		double s3Spend = s3.path("spendBasedLocation").asDouble();
		double kmsKg = kms.path("operationalLocationBased").asDouble();
		double kmsSpend = kms.path("spendBasedLocation").asDouble();
		// S3: 0.128833 kg, of it 0.112632 kg from spend, w = 0.874250; KMS: 0.021442 kg,
		// all from spend, w = 1
		assertThat(s3Kg).isCloseTo(0.128833, within(1e-6));
		assertThat(s3Spend).isCloseTo(0.112632, within(1e-6));
		assertThat(kmsSpend).isCloseTo(kmsKg, within(1e-12)).isCloseTo(0.021442, within(1e-6));
		double w = s3Spend / s3Kg;
		assertThat(w).isCloseTo(0.874250, within(1e-6));
		// SPEND_BASED_ESTIMATES = w x 0.101 - 0.112632 (S3: 0.088299 - 0.112632 =
		// -0.024333) + 1 x 0.002 - 0.021442 (KMS: -0.019442) = -0.043775 kg
		double spend = (w * 0.101 - s3Spend) + (0.002 - kmsSpend);
		assertThat(cause(group, "SPEND_BASED_ESTIMATES").path("kgCo2e").asDouble()).isCloseTo(spend, within(1e-9))
			.isCloseTo(-0.043775, within(1e-6));
		// SCOPE_3_BOUNDARY = 0.041 - (w x 0.040 + 1 x 0.001) - embodied 0 = 0.041 -
		// 0.034970 - 0.001 = 0.005030 kg: AWS's Scope 3 outside the spend-estimated share
		double scope3 = 0.041 - (w * 0.040 + 0.001) - embodied;
		assertThat(cause(group, "SCOPE_3_BOUNDARY").path("kgCo2e").asDouble()).isCloseTo(scope3, within(1e-9))
			.isCloseTo(0.005030, within(1e-6));
		// SERVICES_ONLY_IN_GREENLEDGER = -(0.150307 - 0.128833 - 0.021442) = -0.000033 kg
		double onlyOurs = -(location - s3Kg - kmsKg);
		assertThat(cause(group, "SERVICES_ONLY_IN_GREENLEDGER").path("kgCo2e").asDouble())
			.isCloseTo(onlyOurs, within(1e-9))
			.isCloseTo(-0.000033, within(1e-6));
		assertThat(group.path("causes")).hasSize(3);
		// unexplained: S3's usage-based share of its operational difference, (1 - w) x
		// (0.061 - 0.128833) = 0.125750 x -0.067833 = -0.008530 kg (5.7 % of
		// GreenLedger's figure; it was -0.088307, 59 %, without the spend-based cause)
		assertThat(group.path("unexplained").asDouble()).isCloseTo(difference - spend - scope3 - onlyOurs, within(1e-9))
			.isCloseTo((1 - w) * (0.061 - s3Kg), within(1e-9))
			.isCloseTo(-0.008530, within(1e-6));
		addsUp(group);
		// market-based: the same causes, AWS's instruments (Scope 2 61 g location-based,
		// 0 market-based: -0.061 kg) and none of GreenLedger's (its market-based figure
		// is its location-based one); the unexplained rest is the location-based one
		assertThat(cause(group.path("causesMarketBased"), "PROVIDER_MARKET_INSTRUMENTS").path("kgCo2e").asDouble())
			.isCloseTo(-0.061, within(1e-9));
		assertThat(cause(group.path("causesMarketBased"), "SPEND_BASED_ESTIMATES").path("kgCo2e").asDouble())
			.isCloseTo(spend, within(1e-9));
		assertThat(group.path("causesMarketBased")).hasSize(4);
		assertThat(group.path("unexplainedMarketBased").asDouble()).isCloseTo(-0.008530, within(1e-6))
			.isCloseTo(group.path("unexplained").asDouble(), within(1e-9));
		// beside it: 89 % of GreenLedger's figure rests on spend-based factors (tier 4)
		double spendShare = ledger.path("dataQualityShares").path("4").asDouble();
		assertThat(spendShare).isCloseTo(0.892149, within(1e-6));
		assertThat(cause(group.path("context"), "SPEND_BASED_SHARE").path("kgCo2e").asDouble())
			.isCloseTo(location * spendShare, within(1e-9))
			.isCloseTo(0.134096, within(1e-6));
		// the provider's whole period (one month here) has the same causes
		JsonNode aws = ProviderCarbonFiles.group(reconcile("provider"), "AWS");
		assertThat(cause(aws, "SPEND_BASED_ESTIMATES").path("kgCo2e").asDouble()).isCloseTo(spend, within(1e-9));
		assertThat(aws.path("unexplained").asDouble()).isCloseTo(-0.008530, within(1e-6));
		addsUp(aws);
	}

	/**
	 * The causes and the unexplained rest add up to the difference on both bases.
	 */
	private static void addsUp(JsonNode group) {
		for (String basis : List.of("", "MarketBased")) {
			double sum = group.path("unexplained" + basis).asDouble();
			for (JsonNode cause : group.path("causes" + basis)) {
				sum += cause.path("kgCo2e").asDouble();
			}
			String difference = basis.isEmpty() ? "differenceLocationBased" : "differenceMarketBased";
			assertThat(sum).as(basis + " " + group).isCloseTo(group.path(difference).asDouble(), within(1e-9));
		}
	}

	@Test
	void byServiceS3AndKmsMeetTheirProductCodes() {
		JsonNode services = reconcile("service");

		JsonNode s3 = ProviderCarbonFiles.group(services, "AmazonS3");
		ProviderCarbonFiles.assertKg(s3.path("providerReported"), "totalLocationBased", "0.101");
		assertThat(s3.path("greenledger").path("lines").asLong()).isEqualTo(799);
		assertThat(s3.path("greenledger").path("operationalLocationBased").asDouble()).isCloseTo(0.128833,
				within(1e-6));
		assertThat(cause(s3.path("context"), "SPEND_BASED_SHARE").path("kgCo2e").asDouble()).isCloseTo(0.112632,
				within(1e-6));
		// S3 alone: -0.027833 kg = SCOPE_3_BOUNDARY 0.005030 + SPEND_BASED_ESTIMATES
		// -0.024333 + unexplained -0.008530
		assertThat(cause(s3, "SPEND_BASED_ESTIMATES").path("kgCo2e").asDouble()).isCloseTo(-0.024333, within(1e-6));
		assertThat(s3.path("unexplained").asDouble()).isCloseTo(-0.008530, within(1e-6));
		addsUp(s3);
		// KMS: the export's product code meets the bill's service name through the
		// code table
		JsonNode kms = ProviderCarbonFiles.group(services, "awskms");
		ProviderCarbonFiles.assertKg(kms.path("providerReported"), "totalLocationBased", "0.002");
		assertThat(kms.path("greenledger").path("operationalLocationBased").asDouble()).isCloseTo(0.021442,
				within(1e-6));
		// KMS is wholly spend-based: its whole difference (0.002 - 0.021442) is the
		// spend-based cause, nothing is left unexplained
		assertThat(cause(kms, "SPEND_BASED_ESTIMATES").path("kgCo2e").asDouble()).isCloseTo(-0.019442, within(1e-6));
		assertThat(kms.path("unexplained").asDouble()).isCloseTo(0, within(1e-9));
		addsUp(kms);
		for (JsonNode each : services.path("groups")) {
			addsUp(each);
		}

		// by region, KMS's Montreal meets the bill's ca-central-1 (KMS and S3 lines)
		JsonNode regions = reconcile("region");
		for (JsonNode each : regions.path("groups")) {
			addsUp(each);
		}
		JsonNode montreal = ProviderCarbonFiles.group(regions, "ca-central-1");
		ProviderCarbonFiles.assertKg(montreal.path("providerReported"), "totalLocationBased", "0.002");
		assertThat(montreal.path("greenledger").path("operationalLocationBased").asDouble()).isCloseTo(0.021660,
				within(1e-6));
	}

	@Test
	void thePortalPageShowsTheSpendBasedCauseAndTheMarketBasedCauses() {
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		var response = this.http
			.get("/reconciliation?from=" + this.month + "&to=" + this.month + "&provider=aws&groupBy=account");
		assertThat(response.statusCode()).isEqualTo(200);
		String body = response.body();
		String location = body.substring(body.indexOf("id=\"reconciliation\""));
		location = location.substring(0, location.indexOf("</table>"));
		assertThat(location).contains(">" + ACCOUNT + "<", "SCOPE_3_BOUNDARY", "SPEND_BASED_ESTIMATES",
				"SERVICES_ONLY_IN_GREENLEDGER", "SPEND_BASED_SHARE");
		String market = body.substring(body.indexOf("id=\"reconciliation-market\""));
		market = market.substring(0, market.indexOf("</table>"));
		assertThat(market).contains(">" + ACCOUNT + "<", "SPEND_BASED_ESTIMATES", "PROVIDER_MARKET_INSTRUMENTS");
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

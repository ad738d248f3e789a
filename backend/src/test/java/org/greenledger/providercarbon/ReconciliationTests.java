package org.greenledger.providercarbon;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
 * A bill and the provider's export for the same month: the reconciliation gives both
 * sides, the difference, and its causes (a month and an account only in the provider's
 * figures, the Scope 3 boundary), which with the unexplained rest add up to the
 * difference. GreenLedger's side is checked against the footprint API.
 */
@IntegrationTest
class ReconciliationTests {

	private static final String FOCUS_HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,"
			+ "BillingCurrency,ProviderName,ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,"
			+ "ConsumedUnit,SkuPriceDetails\n";

	private static final String CARBON_HEADER = "usage_account_id,usage_period_start,model_version,product_code,"
			+ "region_code,total_scope_1_emissions_value,total_scope_2_lbm_emissions_value,"
			+ "total_scope_2_mbm_emissions_value,total_scope_3_lbm_emissions_value,total_scope_3_mbm_emissions_value\n";

	@LocalServerPort
	int port;

	HttpTestClient http;

	YearMonth month;

	String account;

	String otherAccount;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.month = TestMonths.unusedMonth(this.http);
		this.account = "4" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
		this.otherAccount = "5" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
		String bill = FOCUS_HEADER + this.month.atDay(1) + "T00:00:00Z," + this.month.plusMonths(1).atDay(1)
				+ "T00:00:00Z,Usage,140.16,USD,AWS,Compute,Amazon Elastic Compute Cloud,us-east-1," + this.account
				+ ",720,Hours,\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\"\n";
		DocumentContext billed = new MeasuredUploads(this.http).upload("focus.csv",
				bill.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(billed.read("$.status", String.class)).as(billed.jsonString()).isEqualTo("COMPLETED");
		// the provider's export: the billed account's EC2 in the month and the next, and
		// an account GreenLedger has no bill of
		String carbon = CARBON_HEADER + row(this.account, this.month, "0.001", "0.05", "0.0", "0.03", "0.02")
				+ row(this.account, this.month.plusMonths(1), "0.001", "0.04", "0.0", "0.02", "0.01")
				+ row(this.otherAccount, this.month, "0.002", "0.1", "0.0", "0.06", "0.05");
		DocumentContext reported = ProviderCarbonFiles.upload(this.http, "carbon.csv.gz",
				ProviderCarbonFiles.uniquelyGzipped(carbon.getBytes(StandardCharsets.UTF_8)));
		assertThat(reported.read("$.status", String.class)).as(reported.jsonString()).isEqualTo("COMPLETED");
	}

	private static String row(String account, YearMonth month, String... tons) {
		return account + "," + month.atDay(1) + ",v3.0.0,AmazonEC2,us-east-1," + String.join(",", tons) + "\n";
	}

	@Test
	void theProvidersWholePeriodSplitsIntoCoverageScope3BoundaryAndTheUnexplainedRest() {
		JsonNode ledger = ledgerTotals();
		double location = ledger.path("co2eKg").path("locationBased").asDouble();
		double embodied = ledger.path("co2eKg").path("embodied").asDouble();
		assertThat(location).as("the bill has an operational estimate").isPositive();

		JsonNode aws = ProviderCarbonFiles.group(reconcile("provider"), "AWS");

		// provider: month 1 (both accounts) 1 + 50 + 30 + 2 + 100 + 60 = 243 kg, month 2:
		// 1 + 40 + 20 = 61 kg, all location-based
		ProviderCarbonFiles.assertKg(aws.path("providerReported"), "totalLocationBased", "304");
		assertThat(aws.path("greenledger").path("operationalLocationBased").asDouble()).isCloseTo(location,
				within(1e-9));
		assertThat(aws.path("greenledger").path("embodied").asDouble()).isCloseTo(embodied, within(1e-9));
		double difference = 304 - (location + embodied);
		assertThat(aws.path("differenceLocationBased").asDouble()).isCloseTo(difference, within(1e-6));
		assertThat(cause(aws, "MONTHS_ONLY_IN_PROVIDER_FIGURES").path("kgCo2e").asDouble()).isCloseTo(61, within(1e-9));
		assertThat(cause(aws, "SCOPE_3_BOUNDARY").path("kgCo2e").asDouble()).isCloseTo(30 + 60 - embodied,
				within(1e-6));
		assertThat(aws.path("unexplained").asDouble()).isCloseTo(difference - 61 - (90 - embodied), within(1e-6));
	}

	@Test
	void thePortalPageShowsBothSidesTheDifferenceAndItsCauses() {
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		var response = this.http.get("/reconciliation?from=" + this.month + "&to=" + this.month.plusMonths(1)
				+ "&provider=aws&groupBy=account");
		assertThat(response.statusCode()).isEqualTo(200);
		String table = response.body().substring(response.body().indexOf("id=\"reconciliation\""));
		table = table.substring(0, table.indexOf("</table>"));
		assertThat(table).contains(">" + this.account + "<", ">" + this.otherAccount + "<", "SCOPE_3_BOUNDARY",
				"ACCOUNT_ONLY_IN_PROVIDER_FIGURES", "Provider-reported", "GreenLedger");
		assertThat(response.body()).contains("href=\"/reconciliation\"");

		var wrong = this.http.get("/reconciliation?from=2025-13&groupBy=colour");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("&#39;2025-13&#39; is not a month (YYYY-MM)").doesNotContain("Exception");
	}

	@Test
	void aGroupDrillsDownToTheProvidersRowsAndGreenLedgersActivityLines() {
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String page = this.http
			.get("/reconciliation?from=" + this.month + "&to=" + this.month.plusMonths(1)
					+ "&provider=aws&groupBy=account")
			.body();
		String link = "/reconciliation/rows?from=" + this.month + "&amp;to=" + this.month.plusMonths(1)
				+ "&amp;provider=AWS&amp;groupBy=account&amp;key=" + this.account;
		assertThat(page).contains("href=\"" + link + "\"");

		var response = this.http.get(link.replace("&amp;", "&"));
		assertThat(response.statusCode()).isEqualTo(200);
		String providerRows = table(response.body(), "provider-rows");
		// the account's two rows of the export (rows 1 and 2), five figures each
		assertThat(providerRows)
			.contains("carbon.csv.gz", ">1<", ">2<", ">" + this.month + "<", ">" + this.month.plusMonths(1) + "<",
					">AmazonEC2<", ">50<", ">40<")
			.doesNotContain(this.otherAccount);
		assertThat(providerRows.split("<tr").length - 2).isEqualTo(10);
		String ledgerRows = table(response.body(), "ledger-rows");
		assertThat(ledgerRows).contains("focus.csv", ">" + this.account + "<", "/explorer/lines/");
		String lineage = ledgerRows.substring(ledgerRows.indexOf("/explorer/lines/"));
		lineage = lineage.substring(0, lineage.indexOf('"'));
		var line = this.http.get(lineage);
		assertThat(line.statusCode()).isEqualTo(200);
		assertThat(line.body()).contains("focus.csv", "m5.xlarge");
		assertThat(response.body()).contains("/explorer?from=" + this.month + "&amp;to=" + this.month.plusMonths(1)
				+ "&amp;provider=aws&amp;account=" + this.account);

		var other = this.http.get("/reconciliation/rows?from=" + this.month + "&to=" + this.month
				+ "&provider=aws&groupBy=account&key=" + this.otherAccount);
		assertThat(table(other.body(), "provider-rows")).contains(">" + this.otherAccount + "<");
		assertThat(other.body()).contains("GreenLedger has no activity lines of this group.");

		var wrong = this.http.get("/reconciliation/rows?from=2025-13&to=2025-12&provider=aws&groupBy=account&key=1");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("The drill-down is not valid").doesNotContain("Exception");
	}

	private static String table(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("table " + id).isPositive();
		return page.substring(start, page.indexOf("</table>", start));
	}

	@Test
	void anAccountOnlyTheProviderReportsIsNamedWithItsFigure() {
		JsonNode accounts = reconcile("account");

		JsonNode other = ProviderCarbonFiles.group(accounts, this.otherAccount);
		assertThat(other.path("greenledger").isNull()).isTrue();
		assertThat(cause(other, "ACCOUNT_ONLY_IN_PROVIDER_FIGURES").path("kgCo2e").asDouble()).isCloseTo(162,
				within(1e-9));
		assertThat(other.path("unexplained").asDouble()).isCloseTo(0, within(1e-9));
		JsonNode billed = ProviderCarbonFiles.group(accounts, this.account);
		assertThat(billed.path("greenledger").path("lines").asLong()).isEqualTo(1);
		assertThat(cause(billed, "SCOPE_3_BOUNDARY").isMissingNode()).isFalse();
	}

	@Test
	void theBillsServiceNameMeetsTheExportsProductCode() {
		JsonNode ec2 = ProviderCarbonFiles.group(reconcile("service"), "AmazonEC2");

		assertThat(ec2.path("providerReported").isNull()).isFalse();
		assertThat(ec2.path("greenledger").path("lines").asLong()).isEqualTo(1);
	}

	private JsonNode reconcile(String groupBy) {
		return ProviderCarbonFiles.get(this.http, "/api/v1/reconciliation?from=" + this.month.atDay(1) + "&to="
				+ this.month.plusMonths(1).atEndOfMonth() + "&provider=aws&groupBy=" + groupBy);
	}

	private JsonNode ledgerTotals() {
		JsonNode footprint = ProviderCarbonFiles.get(this.http, "/api/v1/footprint?from=" + this.month.atDay(1) + "&to="
				+ this.month.plusMonths(1).atEndOfMonth() + "&groupBy=provider");
		return ProviderCarbonFiles.group(footprint, "aws");
	}

	private static JsonNode cause(JsonNode group, String name) {
		for (JsonNode cause : group.path("causes")) {
			if (cause.path("cause").asString().equals(name)) {
				return cause;
			}
		}
		throw new AssertionError("No cause " + name + " in " + group);
	}

}

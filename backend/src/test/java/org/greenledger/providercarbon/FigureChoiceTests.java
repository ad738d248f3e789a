package org.greenledger.providercarbon;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.inventory.GhgInventory;
import org.greenledger.inventory.InventoryFigures;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The organisation's choice of figure per provider and month: the provider's figure
 * replaces GreenLedger's estimate of that provider's usage in the inventory (never added
 * to it), the choice is audited, auditors cannot make it, and an approved period refuses
 * it (and refuses provider figures that would change it).
 */
@IntegrationTest
class FigureChoiceTests {

	private static final double KG = 1e-6;

	private static final String PASSWORD = "auditor password 1";

	@LocalServerPort
	int port;

	@Autowired
	InventoryFigures inventory;

	@Autowired
	UserAccounts accounts;

	HttpTestClient http;

	YearMonth month;

	String account;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.month = TestMonths.unusedMonth(this.http);
		this.account = "6" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
		DocumentContext billed = new MeasuredUploads(this.http).upload("focus.csv",
				ChoiceFixtures.bill(this.month, this.account).getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(billed.read("$.status", String.class)).as(billed.jsonString()).isEqualTo("COMPLETED");
		// scope 1 1 kg, scope 2 50 kg (location) and 0 (market), scope 3 30 kg (location)
		// and 20 kg (market): totals 81 kg location-based, 21 kg market-based
		DocumentContext reported = ProviderCarbonFiles.upload(this.http, "carbon.csv.gz",
				ProviderCarbonFiles.uniquelyGzipped(ChoiceFixtures
					.export(ChoiceFixtures.row(this.account, this.month, "0.001", "0.05", "0.0", "0.03", "0.02"))
					.getBytes(StandardCharsets.UTF_8)));
		assertThat(reported.read("$.status", String.class)).as(reported.jsonString()).isEqualTo("COMPLETED");
	}

	@Test
	void theProvidersFigureReplacesGreenLedgersEstimateInTheInventoryAndNeverAddsToIt() {
		GhgInventory estimate = inventory();
		assertThat(estimate.scope3Category1LocationKg()).as("the bill's estimate").isPositive();
		assertThat(estimate.providerFigures()).isEmpty();

		HttpResponse<String> chosen = choose("aws", "PROVIDER", MeasuredUploads.admin());
		assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(chosen.body(), "$.choices[0].figure")).isEqualTo("PROVIDER");

		GhgInventory reported = inventory();
		assertThat(reported.totalLocationKg()).isCloseTo(81, within(KG));
		assertThat(reported.totalMarketKg()).isCloseTo(21, within(KG));
		assertThat(reported.scope3Category1EmbodiedKg()).as("the provider's Scope 3, market-based")
			.isCloseTo(20, within(KG));
		assertThat(reported.scope3Category1LocationKg()).isCloseTo(61, within(KG));
		assertThat(reported.scope3Category1MarketKg()).isCloseTo(1, within(KG));
		assertThat(reported.byProvider()).filteredOn(group -> group.key().equals("aws"))
			.singleElement()
			.satisfies(group -> assertThat(group.locationKg() + group.embodiedKg()).isCloseTo(81, within(KG)));
		assertThat(reported.months()).filteredOn(figures -> figures.month().equals(this.month.toString()))
			.singleElement()
			.satisfies(figures -> assertThat(figures.scope3LocationKg() + figures.scope3EmbodiedKg()).isCloseTo(81,
					within(KG)));
		assertThat(reported.qualityShares().get(2)).as("provider-reported is tier 2").isCloseTo(1, within(1e-9));
		assertThat(reported.providerFigures()).singleElement().satisfies(use -> {
			assertThat(use.applied()).isTrue();
			assertThat(use.replacedLocationKg())
				.isCloseTo(estimate.scope3Category1LocationKg() + estimate.scope3Category1EmbodiedKg(), within(KG));
		});

		JsonNode events = ProviderCarbonFiles.get(this.http,
				"/api/v1/audit-events?action=PROVIDER_FIGURE_CHOSEN&subject=provider%20figures%20AWS");
		assertThat(events.path("events")
			.valueStream()
			.map(event -> event.path("details"))
			.anyMatch(details -> details.path("from").asString().equals(this.month.toString())
					&& details.path("figure").asString().equals("PROVIDER")))
			.as(events.toString())
			.isTrue();

		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String page = this.http.get("/reconciliation?from=" + this.month + "&to=" + this.month + "&provider=aws")
			.body();
		assertThat(page.substring(page.indexOf("id=\"figure-choices\"")))
			.contains("AWS " + this.month + " to " + this.month + ": the provider&#39;s figure (chosen by admin");
		String rows = this.http
			.get("/reconciliation/rows?from=" + this.month + "&to=" + this.month
					+ "&provider=aws&groupBy=provider&key=AWS")
			.body();
		assertThat(rows).contains("AWS, Provider AWS, " + this.month + " to " + this.month
				+ ": the provider&#39;s rows and GreenLedger&#39;s activity lines");

		assertThat(choose("aws", "GREENLEDGER", MeasuredUploads.admin()).statusCode()).isEqualTo(200);
		GhgInventory back = inventory();
		assertThat(back.totalLocationKg()).isCloseTo(estimate.totalLocationKg(), within(KG));
		assertThat(back.totalMarketKg()).isCloseTo(estimate.totalMarketKg(), within(KG));
	}

	@Test
	void aMonthWithoutProviderFiguresKeepsTheEstimateAndSaysWhy() {
		YearMonth next = this.month.plusMonths(1);
		HttpResponse<String> chosen = this.http.put("/api/v1/provider-carbon/choices", "application/json", """
				{"provider": "gcp", "from": "%s", "to": "%s", "figure": "PROVIDER"}""".formatted(next, next),
				MeasuredUploads.admin());
		assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);

		GhgInventory figures = this.inventory.inventory(next.atDay(1), next.atEndOfMonth());

		assertThat(figures.providerFigures()).singleElement().satisfies(use -> {
			assertThat(use.applied()).isFalse();
			assertThat(use.note()).contains("no provider figures of the month are imported");
		});
		assertThat(figures.totalLocationKg()).isZero();
		this.http.put("/api/v1/provider-carbon/choices", "application/json", """
				{"provider": "gcp", "from": "%s", "to": "%s", "figure": "GREENLEDGER"}""".formatted(next, next),
				MeasuredUploads.admin());
	}

	@Test
	void auditorsReadTheChoicesButCannotMakeThem() {
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(auditor, PASSWORD, Set.of(Role.AUDITOR));
		String[] credentials = HttpTestClient.basic(auditor, PASSWORD);

		assertThat(choose("aws", "PROVIDER", credentials).statusCode()).isEqualTo(403);
		HttpResponse<String> read = this.http.get(
				"/api/v1/provider-carbon/choices?from=" + this.month.atDay(1) + "&to=" + this.month.atEndOfMonth(),
				credentials);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(read.body(), "$.defaultFigure")).isEqualTo("GREENLEDGER");
		assertThat(inventory().providerFigures()).isEmpty();
	}

	@Test
	void badChoicesAreExplainedPerField() {
		HttpResponse<String> response = this.http.put("/api/v1/provider-carbon/choices", "application/json", """
				{"provider": "aws", "from": "%s", "to": "someday", "figure": "PROVIDER"}""".formatted(this.month),
				MeasuredUploads.admin());
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("'someday' is not a month (YYYY-MM)").doesNotContain("Exception");
		HttpResponse<String> figure = this.http.put("/api/v1/provider-carbon/choices", "application/json", """
				{"provider": "aws", "from": "%s", "to": "%s", "figure": "BOTH"}""".formatted(this.month, this.month),
				MeasuredUploads.admin());
		assertThat(figure.statusCode()).isEqualTo(422);
		assertThat(figure.body()).contains("must be PROVIDER or GREENLEDGER");
	}

	@Test
	void anApprovedPeriodRefusesTheChoiceAndProviderFiguresThatWouldChangeIt() {
		assertThat(choose("aws", "PROVIDER", MeasuredUploads.admin()).statusCode()).isEqualTo(200);
		MeasuredUploads api = new MeasuredUploads(this.http);
		String periodId = api
			.postJson("/api/v1/periods", """
					{"name": "P-%s", "start": "%s", "end": "%s"}""".formatted(
					UUID.randomUUID().toString().substring(0, 8), this.month.atDay(1), this.month.atEndOfMonth()))
			.read("$.id", String.class);
		api.postJson("/api/v1/periods/" + periodId + "/transitions", "{\"status\": \"IN_REVIEW\"}");
		api.postJson("/api/v1/periods/" + periodId + "/transitions", "{\"status\": \"APPROVED\"}");

		HttpResponse<String> refused = choose("aws", "GREENLEDGER", MeasuredUploads.admin());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("approved and locked");

		DocumentContext restated = ProviderCarbonFiles.upload(this.http, "carbon-v4.csv.gz", ProviderCarbonFiles
			.uniquelyGzipped(ChoiceFixtures
				.export(ChoiceFixtures.row(this.account, this.month, "0.002", "0.06", "0.0", "0.03", "0.02")
					.replace("v3.0.0", "v3.1.0"))
				.getBytes(StandardCharsets.UTF_8)));
		assertThat(restated.read("$.status", String.class)).isNotEqualTo("COMPLETED");
		assertThat(restated.jsonString()).contains("approved and locked");
		assertThat(inventory().totalLocationKg()).as("the approved figure").isCloseTo(81, within(KG));
	}

	private GhgInventory inventory() {
		return this.inventory.inventory(this.month.atDay(1), this.month.atEndOfMonth());
	}

	private HttpResponse<String> choose(String provider, String figure, String... credentials) {
		return this.http.put("/api/v1/provider-carbon/choices", "application/json", """
				{"provider": "%s", "from": "%s", "to": "%s", "figure": "%s", "reason": "audited provider data"}"""
			.formatted(provider, this.month, this.month, figure), credentials);
	}

}

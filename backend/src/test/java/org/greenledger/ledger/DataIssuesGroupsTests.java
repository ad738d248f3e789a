package org.greenledger.ledger;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Data issues come as one group per service and billed unit (whatever the amounts the
 * rows were billed at), with rows, months and example rows, said in the user's words;
 * "Add the factor" opens a factor set form filled in for that service and unit, and the
 * saved factor gives the next upload's rows of that service a footprint.
 */
@IntegrationTest
class DataIssuesGroupsTests {

	private static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,"
			+ "ProviderName,ServiceCategory,ServiceName,RegionId,ConsumedQuantity,ConsumedUnit,SkuPriceDetails,Tags";

	@LocalServerPort
	int port;

	@Autowired
	DataIssues issues;

	private static byte[] events(YearMonth month, String service, int rows, String... costs) {
		StringBuilder file = new StringBuilder(HEADER).append('\n');
		for (int i = 0; i < rows; i++) {
			String day = month.atDay(1 + i % 20).toString();
			file.append(day)
				.append("T00:00:00Z,")
				.append(day)
				.append("T01:00:00Z,Usage,")
				.append(costs[i % costs.length])
				.append(",USD,AWS,Management and Governance,")
				.append(service)
				.append(",us-east-1,1000,Events,,\n");
		}
		return file.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void rowsOfOneServiceAndUnitAreOneGroupInTheUsersWords() {
		HttpTestClient http = new HttpTestClient(this.port);
		YearMonth month = TestMonths.unusedMonth(http);
		String service = "GlTrail" + UUID.randomUUID().toString().substring(0, 6);
		// the same service and unit billed at 0.00 and at 0.0000: one issue, not two
		new MeasuredUploads(http).upload("trail.csv", events(month, service, 30, "0.00", "0.0000"), Map.of());
		List<DataIssues.Group> groups = this.issues.groups(month.atDay(1), month.atEndOfMonth(), LedgerFilter.ALL, 50)
			.stream()
			.filter(group -> service.equals(group.service()))
			.toList();
		assertThat(groups).hasSize(1);
		DataIssues.Group group = groups.get(0);
		assertThat(group.rows()).isEqualTo(30);
		assertThat(group.unit()).isEqualTo("Events");
		assertThat(group.provider()).isEqualTo("aws");
		assertThat(group.months()).containsExactly(month);
		assertThat(group.examples()).hasSize(DataIssues.EXAMPLES);
		assertThat(group.examples()).allSatisfy(row -> assertThat(row.row()).isBetween(1L, 30L));
		assertThat(group.serviceFactor()).isTrue();
		assertThat(group.explanation())
			.isEqualTo("GreenLedger does not know how much energy one Events of " + service
					+ " takes, and the rows are billed at zero or less, so their cost cannot stand in for it either")
			.doesNotContain("spend-based", "cost_only", "MISSING_FACTOR");

		DocumentContext api = new MeasuredUploads(http)
			.getJson("/api/v1/footprint/data-issues?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth());
		assertThat(api.read("$[?(@.service == '" + service + "')].rows", List.class)).containsExactly(30);
		assertThat(api.read("$[?(@.service == '" + service + "')].unit", List.class)).containsExactly("Events");
		assertThat(api.read("$[?(@.service == '" + service + "')].explanation", List.class))
			.containsExactly(group.explanation());

		http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String dashboard = http.get("/?from=" + month + "&to=" + month).body();
		assertThat(dashboard).contains("/factors/sets/new?provider=aws&amp;service=" + service + "&amp;unit=Events")
			.contains(group.explanation())
			.contains("/explorer/lines/" + group.examples().get(0).job() + "/" + group.examples().get(0).row());
	}

	@Test
	void theFormIsFilledInForTheServiceAndItsFactorGivesTheNextUploadAFootprint() {
		HttpTestClient http = new HttpTestClient(this.port);
		YearMonth month = TestMonths.unusedMonth(http);
		String service = "GlAudit" + UUID.randomUUID().toString().substring(0, 6);
		http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String form = http.get("/factors/sets/new?provider=aws&service=" + service + "&unit=Events").body();
		assertThat(form).contains("<td class=\"draft-provider\">aws</td>")
			.contains("<td class=\"draft-service\">" + service + "</td>")
			.contains("<td class=\"draft-unit\">Events</td>")
			.contains("name=\"service\" value=\"" + service + "\"")
			.contains("Energy per Events (kWh)");

		String token = http.csrfToken("/factors/sets/new?provider=aws&service=" + service + "&unit=Events");
		Map<String, String> fields = new java.util.HashMap<>(Map.of("_csrf", token, "provider", "aws", "service",
				service, "unit", "Events", "value", "0.000002", "name", "energy " + service));
		var refused = http.postForm("/factors/sets", fields);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Source: is required").doesNotContain("values[0]");

		fields.put("source", "Test figure: 2 Wh per thousand events");
		var saved = http.postForm("/factors/sets", fields);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/factors#sets");
		assertThat(http.get("/factors").body()).contains("service:aws:events:" + service.toLowerCase());

		// 10 rows of 1,000 events at 0.000002 kWh each: 0.02 kWh of IT energy
		new MeasuredUploads(http).upload("audit.csv", events(month, service, 10, "0.00"), Map.of());
		assertThat(this.issues.groups(month.atDay(1), month.atEndOfMonth(), LedgerFilter.ALL, 50))
			.noneMatch(group -> service.equals(group.service()));
		DocumentContext footprint = new MeasuredUploads(http)
			.getJson("/api/v1/footprint?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth() + "&groupBy=service");
		List<Number> energy = footprint.read("$.groups[?(@.key == '" + service + "')].itEnergyKwh");
		assertThat(energy).hasSize(1);
		assertThat(energy.get(0).doubleValue()).isCloseTo(0.02, within(1e-9));
		List<Number> co2e = footprint.read("$.groups[?(@.key == '" + service + "')].co2eKg.locationBased");
		assertThat(co2e.get(0).doubleValue()).isGreaterThan(0);
	}

}

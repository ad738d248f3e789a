package org.greenledger.ledger.api;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.TestMonths;
import org.greenledger.IntegrationTest;
import org.greenledger.ingestion.api.Jobs;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/v1/footprint}: totals of ingested lines, grouped, reconciling with the
 * file.
 */
@IntegrationTest
class FootprintApiTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	LocalDate month;

	@BeforeEach
	void ingest() {
		this.http = new HttpTestClient(this.port);
		// empty neighbours, so that the totals are this file's alone
		this.month = TestMonths.unusedMonth(this.http).atDay(1);
		String start = this.month + "T00:00:00Z";
		String end = this.month + "T01:00:00Z";
		String csv = String.join("\n",
				"ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,ProviderName,ServiceCategory,"
						+ "ServiceName,RegionId,ConsumedQuantity,ConsumedUnit,SkuPriceDetails,Tags",
				start + "," + end + ",Usage,0.192,USD,AWS,Compute,EC2,us-east-1,1,Hours,"
						+ "\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\",\"{\"\"team\"\":\"\"a\"\"}\"",
				start + "," + end + ",Usage,0.384,USD,AWS,Compute,EC2,us-east-1,2,Hours,"
						+ "\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\",\"{\"\"team\"\":\"\"b\"\"}\"",
				start + "," + end + ",Usage,2.30,USD,Google Cloud,Storage,Cloud Storage,europe-west4,100,GB-Mo,,",
				start + "," + end + ",Tax,0.50,USD,AWS,,,,,,,", "");
		HttpResponse<String> upload = this.http.postMultipart("/api/v1/ingestions", "f.csv",
				csv.getBytes(StandardCharsets.UTF_8), Map.of(), Jobs.admin());
		Jobs.await(this.http, JsonPath.read(upload.body(), "$.id"));
	}

	@Test
	void groupsByProviderAndTheirSumIsTheTotal() {
		DocumentContext total = get(null);
		DocumentContext byProvider = get("provider");
		assertThat(byProvider.read("$.groups[*].key", List.class)).containsExactly("aws", "gcp");
		assertThat(byProvider.read("$.groups[0].cost[0].amount", Double.class)).isCloseTo(1.076, within(1e-9));
		assertThat(byProvider.read("$.groups[1].cost[0].amount", Double.class)).isCloseTo(2.30, within(1e-9));
		double sum = byProvider.read("$.groups[0].co2eKg.locationBased", Double.class)
				+ byProvider.read("$.groups[1].co2eKg.locationBased", Double.class);
		assertThat(total.read("$.groups[0].co2eKg.locationBased", Double.class)).isPositive()
			.isCloseTo(sum, within(1e-9));
		assertThat(total.read("$.groups[0].dataQualityShares.3", Double.class)).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void groupsByATag() {
		assertThat(get("tag:team").read("$.groups[*].key", List.class)).containsExactly("(untagged)", "a", "b");
	}

	@Test
	void partialMonthsAreAnsweredFromTheDaySums() {
		double month = get(null).read("$.groups[0].co2eKg.locationBased", Double.class);
		assertThat(range(this.month.minusDays(3), this.month.plusDays(3)).read("$.groups[0].co2eKg.locationBased",
				Double.class))
			.isCloseTo(month, within(1e-9));
		assertThat(range(this.month.plusDays(1), this.month.plusMonths(2)).read("$.groups", List.class)).isEmpty();
		assertThat(range(this.month.minusMonths(2), this.month.minusDays(1)).read("$.groups", List.class)).isEmpty();
	}

	@Test
	void anUnknownGroupingIs422() {
		HttpResponse<String> response = this.http.get(
				"/api/v1/footprint?from=" + this.month + "&to=" + this.month.plusMonths(1) + "&groupBy=colour",
				Jobs.admin());
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("\"field\":\"groupBy\"");
	}

	private DocumentContext range(LocalDate from, LocalDate to) {
		HttpResponse<String> response = this.http.get("/api/v1/footprint?from=" + from + "&to=" + to, Jobs.admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private DocumentContext get(String groupBy) {
		HttpResponse<String> response = this.http.get("/api/v1/footprint?from=" + this.month + "&to="
				+ this.month.plusMonths(1).minusDays(1) + ((groupBy != null) ? "&groupBy=" + groupBy : ""),
				Jobs.admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

}

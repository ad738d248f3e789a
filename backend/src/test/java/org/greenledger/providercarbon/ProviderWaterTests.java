package org.greenledger.providercarbon;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenledger.providercarbon.ProviderCarbonFiles.assertKg;

/**
 * The AWS Sustainability API's water allocation (GetEstimatedWaterAllocation): stored in
 * litres per calendar year, exposed as the {@code water} of provider-carbon groups, null
 * where the provider gives none; a newer upload of the same year replaces the older.
 */
@IntegrationTest
class ProviderWaterTests {

	static final String EXAMPLE = ProviderCarbonFiles.DIR
			+ "aws/sustainability-api/GetEstimatedWaterAllocation-example-output.json";

	private static final String YEAR = "from=2025-01-01&to=2025-12-31";

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void awssOwnExampleResponseGivesItsServiceAThousandLitres() {
		DocumentContext job = ProviderCarbonFiles.upload(this.http, "water.json.gz",
				ProviderCarbonFiles.uniquelyGzipped(ProviderCarbonFiles.bytes(EXAMPLE)));

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.format", String.class)).isEqualTo("AWS Sustainability API water allocation");
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(1);
		JsonNode ec2 = ProviderCarbonFiles.group(
				ProviderCarbonFiles.get(this.http, "/api/v1/provider-carbon?" + YEAR + "&groupBy=service&provider=aws"),
				"AmazonEC2");
		assertKg(ec2.path("water"), "withdrawalLitres", "1000");
		assertThat(ec2.path("water").path("periods").toString()).isEqualTo("[\"2025-01-01/2025-12-31\"]");
		assertThat(ec2.path("water").path("modelVersions").toString()).isEqualTo("[\"v1.0.0\"]");
	}

	@Test
	void anAccountsYearIsReplacedByANewerUploadAndAbsentOutsideWholeYears() {
		String account = "8" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
		upload(account, "12.5", "v1.0.0");
		DocumentContext newer = upload(account, "13.25", "v1.1.0");
		assertThat(newer.jsonString()).contains("Replaced 1 water allocations");

		JsonNode accounts = ProviderCarbonFiles.get(this.http,
				"/api/v1/provider-carbon?" + YEAR + "&groupBy=account&provider=aws");
		JsonNode group = ProviderCarbonFiles.group(accounts, account);
		assertKg(group.path("water"), "withdrawalLitres", "13250");
		assertThat(group.path("lines").asLong()).as("no carbon figures").isZero();
		ProviderCarbonFiles.assertNull(group.path("kgCo2e"), "totalLocationBased");

		JsonNode half = ProviderCarbonFiles.get(this.http,
				"/api/v1/provider-carbon?from=2025-07-01&to=2025-12-31&groupBy=account&provider=aws");
		assertThat(half.path("groups").valueStream().noneMatch(each -> each.path("key").asString().equals(account)))
			.as("a yearly allocation does not count in half a year")
			.isTrue();
		JsonNode months = ProviderCarbonFiles.get(this.http,
				"/api/v1/provider-carbon?" + YEAR + "&groupBy=month&provider=aws");
		months.path("groups").forEach(month -> ProviderCarbonFiles.assertNull(month, "water"));

		DocumentContext older = upload(account, "1", "v1.0.0");
		assertThat(older.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(older.read("$.message", String.class)).contains("an older model version never replaces a newer one");
	}

	@Test
	void aVolumeInAnotherUnitIsRejectedNamingTheField() {
		String water = """
				{"Results":[{"TimePeriod":{"Start":"2025-01-01T00:00:00Z","End":"2026-01-01T00:00:00Z"},
				"ModelVersion":"v1.0.0","AllocationValues":{"TOTAL_WATER_WITHDRAWALS":{"Value":3,"Unit":"gal"}}}]}""";
		DocumentContext job = ProviderCarbonFiles.upload(this.http, "water.json.gz",
				ProviderCarbonFiles.uniquelyGzipped(water.getBytes(StandardCharsets.UTF_8)));

		assertThat(job.jsonString()).contains("AllocationValues.TOTAL_WATER_WITHDRAWALS.Unit")
			.contains("the unit 'gal' is not m3");
		assertThat(job.read("$.rowsAccepted", Long.class)).isZero();
	}

	private DocumentContext upload(String account, String cubicMetres, String version) {
		String water = """
				{"Results":[{"TimePeriod":{"Start":"2025-01-01T00:00:00Z","End":"2026-01-01T00:00:00Z"},
				"DimensionsValues":{"USAGE_ACCOUNT_ID":"%s"},"ModelVersion":"%s",
				"AllocationValues":{"TOTAL_WATER_WITHDRAWALS":{"Value":%s,"Unit":"m3"}}}]}""".formatted(account,
				version, cubicMetres);
		return ProviderCarbonFiles.upload(this.http, "water.json.gz",
				ProviderCarbonFiles.uniquelyGzipped(water.getBytes(StandardCharsets.UTF_8)));
	}

}

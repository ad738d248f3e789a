package org.greenledger.reduction;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.Location;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The carbon-aware signal: with imported hourly intensities the cleanest window of the
 * wanted length wins across regions; a region without hourly data is rated at the factor
 * library's yearly value; answers have the Carbon Aware SDK's fields.
 */
@IntegrationTest
class CarbonAwareApiTests {

	private static final double TOLERANCE = 1e-9;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LibraryFactorLookup factors;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void theCleanestWindowAcrossRegionsIsAnsweredInTheCarbonAwareSdksShape() {
		YearMonth month = TestMonths.unusedMonth(this.http);
		Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		UUID job = UUID.randomUUID();
		ReductionFixtures.registerUpload(this.jdbc, job);
		for (int hour = 0; hour < 48; hour++) {
			// PJM is dirty but for three windy night hours of the second day; Sweden is
			// flat
			hour("US-MIDA-PJM", from.plusSeconds(3600L * hour), (hour >= 26 && hour < 29) ? 20 : 400, job, hour);
			hour("SE-SE3", from.plusSeconds(3600L * hour), 40, job, 100 + hour);
		}
		String query = "/api/v1/carbon-aware/best?regions=aws:eu-north-1,aws:us-east-1,aws:ap-south-1&from=" + from
				+ "&to=" + from.plusSeconds(48 * 3600) + "&durationHours=3";

		var response = this.http.get(query, MeasuredUploads.admin());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		DocumentContext answer = JsonPath.parse(response.body());
		assertThat(answer.read("$[*].location", List.class)).containsExactly("aws:us-east-1", "aws:eu-north-1",
				"aws:ap-south-1");
		assertThat(answer.read("$[0].time", String.class)).isEqualTo(from.plusSeconds(26 * 3600).toString());
		assertThat(answer.read("$[0].rating", Double.class)).isCloseTo(20, within(TOLERANCE));
		assertThat(answer.read("$[0].duration", String.class)).isEqualTo("03:00:00");
		assertThat(answer.read("$[0].hourlyHours", Integer.class)).isEqualTo(3);
		assertThat(answer.read("$[1].rating", Double.class)).isCloseTo(40, within(TOLERANCE));
		double yearly = this.factors
			.gridIntensity(new Location.CloudRegion("aws", "ap-south-1"), LocalDate.ofInstant(from, ZoneOffset.UTC))
			.value()
			.gramsPerKilowattHour();
		assertThat(answer.read("$[2].rating", Double.class)).isCloseTo(yearly, within(TOLERANCE));
		assertThat(answer.read("$[2].yearlyHours", Integer.class)).isEqualTo(3);
	}

	@Test
	void unknownRegionsAndImpossibleWindowsAreNamed() {
		var response = this.http.get("/api/v1/carbon-aware/best?regions=aws:moon-1,eu-north-1&from=2030-01-01T00:00:00Z"
				+ "&to=2030-01-01T02:00:00Z&durationHours=3", MeasuredUploads.admin());
		assertThat(response.statusCode()).isEqualTo(422);
		DocumentContext problem = JsonPath.parse(response.body());
		assertThat(problem.read("$.errors[*].field", List.class)).containsExactly("regions", "regions",
				"durationHours");
		assertThat(response.body()).contains("aws:moon-1");
	}

	private void hour(String zone, Instant start, double grams, UUID job, long row) {
		this.jdbc.sql("""
				insert into grid_intensity_hour (zone, hour, lifecycle_g_per_kwh, estimated, job_id, source_row)
				values (?, ?, ?, false, ?, ?)
				on conflict (zone, hour) do update set lifecycle_g_per_kwh = excluded.lifecycle_g_per_kwh""")
			.params(zone, Timestamp.from(start), grams, job, row)
			.update();
	}

}

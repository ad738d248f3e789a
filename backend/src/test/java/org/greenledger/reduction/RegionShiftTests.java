package org.greenledger.reduction;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.Location;
import org.greenledger.ledger.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code REGION_SHIFT}: a month of GPU usage in a coal-heavy grid (AWS af-south-1, South
 * Africa) is proposed for the provider's cleanest region, with the saving the factor
 * library gives and the ledger lines it rests on.
 */
@IntegrationTest
class RegionShiftTests {

	private static final double TOLERANCE = 1e-6;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LibraryFactorLookup factors;

	@Autowired
	FactorLibrary library;

	HttpTestClient http;

	MeasuredUploads api;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void aMonthOfGpuUsageInACoalHeavyRegionYieldsAQuantifiedRegionShift() {
		YearMonth month = TestMonths.unusedMonth(this.http);
		List<LedgerFixture.Row> rows = new ArrayList<>();
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			// a p4d-like node: 8 A100 GPUs around the clock
			rows.add(ReductionFixtures.gpuDay(this.factors, day, month.atDay(day), "aws", "af-south-1", "A100-40GB",
					8 * 24, "786.48"));
		}
		UUID job = new LedgerFixture(this.dataSource).write(null, rows);
		ReductionFixtures.registerUpload(this.jdbc, job);
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();

		DocumentContext answer = this.api.getJson("/api/v1/opportunities?from=" + from + "&to=" + to);
		DocumentContext footprint = this.api.getJson("/api/v1/footprint?from=" + from + "&to=" + to);
		double facilityKwh = footprint.read("$.groups[0].facilityEnergyKwh", Double.class);
		double locationKg = footprint.read("$.groups[0].co2eKg.locationBased", Double.class);

		List<Map<String, Object>> shifts = answer.read("$.items[?(@.kind == 'REGION_SHIFT')]");
		assertThat(shifts).hasSize(1);
		Map<String, Object> shift = shifts.getFirst();
		@SuppressWarnings("unchecked")
		Map<String, Object> subject = (Map<String, Object>) shift.get("subject");
		assertThat(subject.get("name")).isEqualTo("aws:af-south-1");
		@SuppressWarnings("unchecked")
		Map<String, String> attributes = (Map<String, String>) subject.get("attributes");
		String recommended = attributes.get("recommendedRegion");

		// the expected figure, from the factor library: the cleanest AWS commercial
		// region
		LocalDate mid = from.plusDays((to.toEpochDay() - from.toEpochDay()) / 2);
		double bestKgPerItKwh = this.library.regions()
			.stream()
			.filter(region -> region.provider().equals("aws") && !region.region().equals("af-south-1"))
			.filter(region -> RegionShifts.partition(region).equals("commercial"))
			.mapToDouble(region -> kgPerItKwh(region.region(), mid))
			.min()
			.orElseThrow();
		assertThat(kgPerItKwh(recommended, mid)).isCloseTo(bestKgPerItKwh, within(TOLERANCE));
		double itKwh = facilityKwh
				/ this.factors.pue(new Location.CloudRegion("aws", "af-south-1"), mid).value().ratio();
		// 8 GPUs x 24 h x days at the A100's interpolated power
		assertThat(itKwh).isGreaterThan(0);
		double expectedSaving = locationKg - itKwh * bestKgPerItKwh;
		assertThat((Double) shift.get("currentKgCo2e")).isCloseTo(locationKg, within(TOLERANCE));
		assertThat((Double) shift.get("savingKgCo2e")).isCloseTo(expectedSaving, within(TOLERANCE));
		assertThat(expectedSaving / locationKg).as("a coal-heavy grid: most of the emissions go").isGreaterThan(0.5);
		@SuppressWarnings("unchecked")
		Map<String, Object> range = (Map<String, Object>) shift.get("savingRange");
		assertThat((Double) range.get("highKgCo2e")).isCloseTo(expectedSaving, within(TOLERANCE));
		assertThat((Double) range.get("lowKgCo2e")).isLessThanOrEqualTo(expectedSaving);
		assertThat(answer.read("$.items[?(@.kind == 'REGION_SHIFT')].evidence.ledgerLines[0].jobId", List.class))
			.containsExactly(job.toString());
		assertThat(answer.read("$.items[?(@.kind == 'REGION_SHIFT')].evidence.factors[*].kind", List.class))
			.contains("GRID_INTENSITY", "PUE");
		assertThat(answer.read("$.items[?(@.kind == 'REGION_SHIFT')].assumptions[0]", List.class).toString())
			.contains(recommended);
		this.http.signIn("admin", org.greenledger.IntegrationTest.ADMIN_PASSWORD);
		String page = this.http.get("/opportunities?from=" + from + "&to=" + to).body();
		assertThat(page).contains("aws:af-south-1", "REGION_SHIFT", recommended, "/explorer/lines/" + job + "/1",
				"href=\"/opportunities\"");
		assertThat(this.http.get("/opportunities?from=yesterday").body()).contains("&#39;yesterday&#39; is not a date");
		System.out.printf("REGION_SHIFT af-south-1 -> %s: %.1f kg of %.1f kg (%.0f%%)%n", recommended, expectedSaving,
				locationKg, 100 * expectedSaving / locationKg);
	}

	private double kgPerItKwh(String region, LocalDate date) {
		Location location = new Location.CloudRegion("aws", region);
		try {
			return this.factors.gridIntensity(location, date).value().gramsPerKilowattHour() / 1000
					* this.factors.pue(location, date).value().ratio();
		}
		catch (org.greenledger.core.footprint.MissingFactorException ex) {
			return Double.POSITIVE_INFINITY;
		}
	}

}

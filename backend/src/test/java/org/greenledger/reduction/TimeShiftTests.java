package org.greenledger.reduction;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.greenledger.TestMonths;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.workloads.Workload;
import org.greenledger.workloads.WorkloadInput;
import org.greenledger.workloads.Workloads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code TIME_SHIFT}: a training workload that runs six hours each night (00:00-06:00
 * UTC) in a zone whose imported hourly intensity is 500 g/kWh until noon and 100 g/kWh
 * after: moved within each day to the cleanest hours (12:00-18:00), four fifths of its
 * emissions go; a day without imported hours is left out; inference is not moved.
 */
@IntegrationTest
class TimeShiftTests {

	private static final double TOLERANCE = 1e-9;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FootprintQuery footprint;

	@Autowired
	Workloads workloads;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Adoptions adoptions;

	@Test
	void nightlyTrainingInADirtyNightIsShiftedToTheCleanestHoursOfTheSameDay() throws Exception {
		YearMonth month = TestMonths.unusedMonth(this.footprint);
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		String zone = "TS-" + nonce;
		Instant day1 = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		UUID gridJob = UUID.randomUUID();
		ReductionFixtures.registerUpload(this.jdbc, gridJob);
		for (int hour = 0; hour < 48; hour++) {
			ReductionFixtures.gridHour(this.jdbc, zone, day1.plusSeconds(3600L * hour), (hour % 24 < 12) ? 500 : 100,
					gridJob, hour + 1);
		}
		List<ReductionFixtures.MeasuredHour> training = new ArrayList<>();
		List<ReductionFixtures.MeasuredHour> serving = new ArrayList<>();
		for (int day = 0; day < 3; day++) {
			for (int hour = 0; hour < 6; hour++) {
				Instant start = day1.plusSeconds(86_400L * day + 3600L * hour);
				// 2 kWh an hour at 500 g/kWh, as the ledger calculated it (day 3 has no
				// imported hours)
				training.add(new ReductionFixtures.MeasuredHour(start, 2, 1.0, 0, 0, zone));
				serving.add(new ReductionFixtures.MeasuredHour(start, 1, 0.5, 0, 0, zone));
			}
		}
		ReductionFixtures.measured(this.dataSource, this.jdbc, "gpu", Map.of("host", "train-" + nonce), null, training);
		ReductionFixtures.measured(this.dataSource, this.jdbc, "gpu", Map.of("host", "serve-" + nonce), null, serving);
		Workload workload = this.workloads.create(
				new WorkloadInput.Create("llm-" + nonce, "MODEL", null, null, "time-shift fixture"), "reduction-test");
		this.workloads.addRule(workload.id(),
				new WorkloadInput.NewRule("TRAINING", "MEASURED", Map.of("host", "train-" + nonce)), "reduction-test");
		this.workloads.addRule(workload.id(),
				new WorkloadInput.NewRule("INFERENCE", "MEASURED", Map.of("host", "serve-" + nonce)), "reduction-test");

		List<Opportunity> found = this.opportunities
			.find(new OpportunityQuery(month.atDay(1), month.atEndOfMonth(), Set.of(), OrgUnitScope.UNRESTRICTED))
			.stream()
			.filter(each -> each.kind() == OpportunityKind.TIME_SHIFT && each.subject().name().equals("llm-" + nonce))
			.toList();

		assertThat(found).hasSize(1);
		Opportunity shift = found.getFirst();
		// two planned days of 12 kWh: 6 kg at 500 g/kWh each, 1.2 kg at 100 g/kWh
		assertThat(shift.savingKgCo2e()).isCloseTo(2 * (6 - 1.2), within(TOLERANCE));
		// half movable: 6 kWh stay at 500 g, 6 kWh go to 12:00-15:00 at 100 g
		assertThat(shift.savingRange().lowKgCo2e()).isCloseTo(2 * (6 - 3 - 0.6), within(TOLERANCE));
		assertThat(shift.savingRange().highKgCo2e()).isCloseTo(shift.savingKgCo2e(), within(TOLERANCE));
		// the ledger's emissions of the training series (three days, inference left out)
		assertThat(shift.currentKgCo2e()).isCloseTo(18, within(TOLERANCE));
		assertThat(shift.subject().attributes()).containsEntry("gridZone", zone)
			.containsEntry("cleanestHoursUtc", "12:00, 13:00, 14:00")
			.containsEntry("workload", workload.id().toString());
		assertThat(shift.evidence().figures().get("days")).isEqualTo(2.0);
		assertThat(shift.evidence().figures().get("daysWithoutHourlyData")).isEqualTo(1.0);
		assertThat(shift.evidence().figures().get("shiftedKwh")).isCloseTo(24, within(TOLERANCE));
		assertThat(shift.evidence().factors()).extracting(reference -> reference.key()).containsExactly(zone);
		assertThat(shift.assumptions().toString()).contains("same UTC day", "inference is not moved");
		// adopted from the next month: the training series' emissions are the baseline;
		// without later lines the whole baseline rate is realized
		Adoption adopted = this.adoptions.adopt(
				new AdoptionInput("TIME_SHIFT", "llm-" + nonce, month.atDay(1), month.atEndOfMonth(),
						month.plusMonths(1).atDay(1), null, "scheduler on"),
				OrgUnitScope.UNRESTRICTED, "reduction-test");
		assertThat(adopted.baselineKgCo2e()).isCloseTo(18, within(TOLERANCE));
		Adoption.Realized realized = this.adoptions
			.realized(adopted, month.plusMonths(1).atDay(1), month.plusMonths(1).atDay(10))
			.orElseThrow();
		assertThat(realized.actualKgCo2e()).isCloseTo(0, within(TOLERANCE));
		assertThat(realized.realizedKgCo2e()).isCloseTo(18.0 / month.lengthOfMonth() * 10, within(TOLERANCE));
		assertThat(this.opportunities
			.find(new OpportunityQuery(month.atDay(1), month.atEndOfMonth(), Set.of("no-such-unit"),
					OrgUnitScope.UNRESTRICTED))
			.stream()
			.filter(each -> each.kind() == OpportunityKind.TIME_SHIFT && each.subject().name().equals("llm-" + nonce)))
			.as("a workload of no org unit is not one of the unit's")
			.isEmpty();
	}

	@Test
	void aDayIsFilledCleanestHourFirstUpToItsLargestHour() {
		Instant day = Instant.parse("2999-01-01T00:00:00Z");
		Map<Instant, Double> energy = Map.of(day, 3.0, day.plusSeconds(3600), 1.0);
		Map<Instant, Double> grams = new java.util.HashMap<>();
		for (int hour = 0; hour < 24; hour++) {
			grams.put(day.plusSeconds(3600L * hour), (hour == 5) ? 50.0 : (hour == 7) ? 60.0 : 300.0);
		}
		TimeShiftPlan plan = TimeShiftPlan.of(energy, grams, 1.0);
		// 4 kWh, capacity 3: 3 kWh at 05:00 (50 g), 1 kWh at 07:00 (60 g)
		assertThat(plan.currentKg()).isCloseTo(4 * 0.3, within(TOLERANCE));
		assertThat(plan.savingKg()).isCloseTo(1.2 - 0.15 - 0.06, within(TOLERANCE));
		assertThat(plan.cleanestHoursOfDay()).containsExactly(5, 7);
		assertThat(plan.days()).isEqualTo(1);
	}

}

package org.greenledger.workloads;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.greenledger.ledger.SelectedSums;
import org.springframework.stereotype.Service;

/**
 * Sums what a workload's rules attribute to it: measured lines of matching series (each
 * series counted once, for the first rule that matches it) and cloud billing rows with a
 * matching tag (from the monthly sums per tag value), per month and phase.
 */
@Service
public class WorkloadFootprints {

	private final SelectedSums ledger;

	WorkloadFootprints(SelectedSums ledger) {
		this.ledger = ledger;
	}

	/**
	 * The footprint over whole months from {@code from} to {@code to} (both included).
	 */
	public WorkloadFootprint footprint(Workload workload, LocalDate from, LocalDate to) {
		LocalDate start = from.withDayOfMonth(1);
		LocalDate end = to.withDayOfMonth(1).plusMonths(1);
		Map<String, Map<Phase, WorkloadFootprint.Sums>> months = new TreeMap<>();
		List<WorkloadFootprint.Sums> measured = measured(workload, start, end);
		List<WorkloadFootprint.Sums> billed = cloud(workload, start, end);
		List<WorkloadFootprint.Sums> all = new ArrayList<>(measured);
		all.addAll(billed);
		for (WorkloadFootprint.Sums sums : all) {
			months.computeIfAbsent(sums.month(), key -> new EnumMap<>(Phase.class))
				.merge(sums.phase(), sums, WorkloadFootprint.Sums::plus);
		}
		List<WorkloadFootprint.Sums> monthly = new ArrayList<>();
		Map<Phase, WorkloadFootprint.Sums> phases = new EnumMap<>(Phase.class);
		months.values().forEach(byPhase -> byPhase.values().forEach(sums -> {
			monthly.add(sums);
			phases.merge(sums.phase(), withMonth(sums, "all"), WorkloadFootprint.Sums::plus);
		}));
		List<WorkloadFootprint.Sci> sci = new ArrayList<>();
		for (Workload.Output output : workload.outputs()) {
			if (output.periodEnd().isBefore(start) || !output.periodStart().isBefore(end)) {
				continue;
			}
			sci.add(sci(workload, output));
		}
		return new WorkloadFootprint(workload, start, end.minusDays(1), monthly, List.copyOf(phases.values()), sci,
				carbonKg(measured), carbonKg(billed));
	}

	private static double carbonKg(List<WorkloadFootprint.Sums> sums) {
		return sums.stream().mapToDouble(each -> each.co2eLocationKg() + each.co2eEmbodiedKg()).sum();
	}

	/**
	 * SCI of one output: measured lines within its days plus cloud rows of the months it
	 * covers entirely or partly, shared by days.
	 */
	private WorkloadFootprint.Sci sci(Workload workload, Workload.Output output) {
		LocalDate end = output.periodEnd().plusDays(1);
		List<WorkloadFootprint.Sums> sums = new ArrayList<>(measured(workload, output.periodStart(), end));
		for (WorkloadFootprint.Sums cloud : cloud(workload, output.periodStart().withDayOfMonth(1),
				end.minusDays(1).withDayOfMonth(1).plusMonths(1))) {
			LocalDate month = LocalDate.parse(cloud.month() + "-01");
			LocalDate monthEnd = month.plusMonths(1);
			LocalDate from = output.periodStart().isAfter(month) ? output.periodStart() : month;
			LocalDate to = end.isBefore(monthEnd) ? end : monthEnd;
			double share = (to.toEpochDay() - from.toEpochDay())
					/ (double) (monthEnd.toEpochDay() - month.toEpochDay());
			sums.add(new WorkloadFootprint.Sums(cloud.month(), cloud.phase(), 0, 0, cloud.co2eLocationKg() * share, 0,
					cloud.co2eEmbodiedKg() * share, 0, 0, 0, 0, 0));
		}
		boolean inference = sums.stream().anyMatch(each -> each.phase() == Phase.INFERENCE);
		double grams = sums.stream()
			.filter(each -> !inference || each.phase() == Phase.INFERENCE)
			.mapToDouble(each -> (each.co2eLocationKg() + each.co2eEmbodiedKg()) * 1000)
			.sum();
		double perUnit = grams / output.quantity();
		return new WorkloadFootprint.Sci(output, inference ? Phase.INFERENCE.name() : "ALL", grams, perUnit,
				perUnit * 1000);
	}

	/**
	 * What the rules attribute within the dates {@code from} to {@code to} (both
	 * included): measured lines starting on those days, cloud rows of the months wholly
	 * inside them; per month and phase, as lines and rows counted.
	 */
	List<String> attributed(Workload workload, LocalDate from, LocalDate to) {
		LocalDate end = to.plusDays(1);
		List<WorkloadFootprint.Sums> sums = new ArrayList<>(measured(workload, from, end));
		LocalDate firstMonth = (from.getDayOfMonth() == 1) ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate endMonth = end.withDayOfMonth(1);
		if (firstMonth.isBefore(endMonth)) {
			sums.addAll(cloud(workload, firstMonth, endMonth));
		}
		return sums.stream()
			.map(each -> each.month() + " " + each.phase() + " " + each.measuredLines() + " " + each.billedRows())
			.sorted()
			.toList();
	}

	/**
	 * The months its rules attribute lines or billed rows to, whatever the period, in
	 * order: the workload's page opens on the latest of them.
	 */
	public java.util.SortedSet<java.time.YearMonth> monthsWithData(Workload workload) {
		java.util.SortedSet<java.time.YearMonth> months = new java.util.TreeSet<>();
		sums(workload, LocalDate.of(1970, 1, 1), LocalDate.of(9999, 12, 1)).stream()
			.filter(sums -> sums.measuredLines() > 0 || sums.billedRows() > 0)
			.forEach(sums -> months.add(java.time.YearMonth.parse(sums.month())));
		return months;
	}

	private List<WorkloadFootprint.Sums> sums(Workload workload, LocalDate start, LocalDate end) {
		List<WorkloadFootprint.Sums> sums = new ArrayList<>(measured(workload, start, end));
		sums.addAll(cloud(workload, start, end));
		return sums;
	}

	/** Measured lines starting from {@code from} (included) to {@code to} (excluded). */
	private List<WorkloadFootprint.Sums> measured(Workload workload, LocalDate from, LocalDate to) {
		return this.ledger
			.measured(selectors(workload, RuleSource.MEASURED), from.atStartOfDay(ZoneOffset.UTC).toInstant(),
					to.atStartOfDay(ZoneOffset.UTC).toInstant())
			.stream()
			.map(WorkloadFootprints::sums)
			.toList();
	}

	/** Tagged cloud rows of the months from {@code from} (included) to {@code to}. */
	private List<WorkloadFootprint.Sums> cloud(Workload workload, LocalDate from, LocalDate to) {
		return this.ledger.tagged(selectors(workload, RuleSource.CLOUD_TAG), from, to)
			.stream()
			.map(WorkloadFootprints::sums)
			.toList();
	}

	/** The workload's rules of one source, oldest (the first to match) first. */
	private static List<SelectedSums.Selector> selectors(Workload workload, RuleSource source) {
		return workload.rules()
			.stream()
			.filter(rule -> rule.source() == source)
			.map(rule -> new SelectedSums.Selector(rule.phase().name(), rule.match()))
			.toList();
	}

	private static WorkloadFootprint.Sums withMonth(WorkloadFootprint.Sums sums, String month) {
		return new WorkloadFootprint.Sums(month, sums.phase(), sums.itKwh(), sums.facilityKwh(), sums.co2eLocationKg(),
				sums.co2eMarketKg(), sums.co2eEmbodiedKg(), sums.waterOnSiteLitres(), sums.waterOffSiteLitres(),
				sums.acceleratorHours(), sums.measuredLines(), sums.billedRows());
	}

	private static WorkloadFootprint.Sums sums(SelectedSums.Sums sums) {
		return new WorkloadFootprint.Sums(sums.month(), Phase.valueOf(sums.group()), sums.itKwh(), sums.facilityKwh(),
				sums.co2eLocationKg(), sums.co2eMarketKg(), sums.co2eEmbodiedKg(), sums.waterOnSiteLitres(),
				sums.waterOffSiteLitres(), sums.acceleratorHours(), sums.measuredLines(), sums.billedRows());
	}

}

package org.greenledger.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The splits' reports put together on the driver: one per file and split (a task that ran
 * twice reports twice; the first report counts), the splits of a file added up in split
 * order, a file refused when any of its splits could not be read, and the factor lists of
 * all lines.
 *
 * @param accounts each file's accounting, by name
 * @param problems the rejected rows of the files read and the reason of each refused
 * file, by file and row
 * @param refused the files refused as a whole
 * @param factors every factor by id, as JSON
 * @param factorLists every factor list by id: its factors' ids
 * @param splits how many splits (tasks) each file was read in
 * @param rollups the monthly rollups of the lines of the files read
 */
record JobReport(Map<String, FileAccount> accounts, List<Problem> problems, Set<String> refused,
		Map<String, String> factors, Map<String, List<String>> factorLists, Map<String, Integer> splits,
		MonthlyRollups rollups) {

	static JobReport of(List<SplitReport> reports) {
		Map<String, SplitReport> once = new TreeMap<>();
		for (SplitReport report : reports) {
			once.putIfAbsent(report.file() + "\u0000" + String.format("%09d", report.split()), report);
		}
		Map<String, FileAccount> accounts = new LinkedHashMap<>();
		Map<String, List<Problem>> problems = new LinkedHashMap<>();
		Map<String, String> factors = new TreeMap<>();
		Map<String, List<String>> factorLists = new TreeMap<>();
		Map<String, Integer> splits = new LinkedHashMap<>();
		for (SplitReport report : once.values()) {
			splits.merge(report.file(), 1, Integer::sum);
			FileAccount account = accounts.get(report.file());
			if (account == null) {
				accounts.put(report.file(), report.account());
			}
			else {
				account.add(report.account());
			}
			problems.computeIfAbsent(report.file(), any -> new ArrayList<>()).addAll(report.problems());
			factors.putAll(report.factors());
			factorLists.putAll(report.factorLists());
		}
		Set<String> refused = new TreeSet<>();
		List<Problem> kept = new ArrayList<>();
		accounts.forEach((file, account) -> {
			if (account.isRefused()) {
				refused.add(file);
				problems.get(file)
					.stream()
					.filter(problem -> Problem.WHOLE_FILE.equals(problem.column()))
					.limit(1)
					.forEach(kept::add);
			}
			else {
				kept.addAll(problems.get(file));
			}
		});
		kept.sort(Comparator.comparing(Problem::file).thenComparingLong(Problem::row));
		MonthlyRollups rollups = new MonthlyRollups();
		once.values()
			.stream()
			.filter(report -> !refused.contains(report.file()))
			.forEach(report -> rollups.add(report.rollups()));
		return new JobReport(accounts, kept, refused, factors, factorLists, splits, rollups);
	}

}

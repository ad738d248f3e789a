package org.greenledger.spark;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.greenledger.core.footprint.FootprintEngine;

/**
 * The job's accounting as {@code manifest.json} states it: per source file its format,
 * rows read, accepted, cost-only and rejected, its billed cost per provider and currency,
 * or why it was refused as a whole; every rejected row's file, row, column and reason;
 * the totals; every factor list the lines reference by id ({@code factorLists}: the ids
 * of its factors) and every factor of them ({@code factors}), each once. Rows of a
 * refused file count nowhere: none of its lines are written.
 */
final class Manifest {

	/** What a loader checks before reading anything else. */
	static final String KIND = "greenledger-spark-output";

	static final int VERSION = 2;

	private Manifest() {
	}

	/**
	 * @param report the files' accounting, rejected rows and factor lists
	 * @param inputs the inputs as the job was given them
	 * @param sources the files read, in the output's order
	 */
	static Map<String, Object> of(JobReport report, List<String> inputs, List<SourceFile> sources) {
		List<Map<String, Object>> files = new ArrayList<>();
		for (SourceFile source : sources) {
			FileAccount account = report.accounts().get(source.name());
			if (account != null) {
				Map<String, Object> file = new LinkedHashMap<>();
				file.put("file", source.name());
				file.putAll(account.summary());
				file.put("uri", source.uri());
				file.put("bytes", source.size());
				file.put("splits", report.splits().get(source.name()));
				files.add(file);
			}
		}
		List<Map<String, Object>> rejected = new ArrayList<>();
		for (Problem problem : report.problems()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("file", problem.file());
			row.put("row", problem.row());
			row.put("column", problem.column());
			row.put("reason", problem.reason());
			rejected.add(row);
		}
		Map<String, Object> factors = new LinkedHashMap<>();
		report.factors().forEach((id, json) -> factors.put(id, LineRecords.JSON.readTree(json)));
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("kind", KIND);
		manifest.put("version", VERSION);
		manifest.put("createdAt", Instant.now().toString());
		manifest.put("methodVersion", FootprintEngine.METHOD_VERSION);
		manifest.put("inputs", inputs);
		manifest.put("totals", totals(files));
		manifest.put("files", files);
		manifest.put("rejectedRows", rejected);
		manifest.put("factors", factors);
		manifest.put("factorLists", report.factorLists());
		return manifest;
	}

	private static Map<String, Object> totals(Collection<Map<String, Object>> files) {
		long[] counts = new long[5];
		String[] names = { "rowsRead", "rowsAccepted", "rowsCostOnly", "rowsRejected", "lines" };
		long refused = 0;
		Map<String, BigDecimal> billed = new TreeMap<>();
		for (Map<String, Object> file : files) {
			for (int i = 0; i < names.length; i++) {
				counts[i] += ((Number) file.get(names[i])).longValue();
			}
			if ("REFUSED".equals(file.get("status"))) {
				refused++;
			}
			for (Object each : (List<?>) file.get("costs")) {
				Map<?, ?> cost = (Map<?, ?>) each;
				billed.merge((String) cost.get("currency"), new BigDecimal((String) cost.get("billedTotal")),
						BigDecimal::add);
			}
		}
		Map<String, Object> totals = new LinkedHashMap<>();
		totals.put("files", files.size());
		totals.put("filesRefused", refused);
		for (int i = 0; i < names.length; i++) {
			totals.put(names[i], counts[i]);
		}
		Map<String, String> billedTotals = new LinkedHashMap<>();
		billed.forEach((currency, sum) -> billedTotals.put(currency, sum.toPlainString()));
		totals.put("billedTotalByCurrency", billedTotals);
		return totals;
	}

}

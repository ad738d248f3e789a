package org.greenledger.spark;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.Row;

import org.greenledger.core.footprint.FootprintEngine;

/**
 * The job's accounting as {@code manifest.json} states it: per source file its format,
 * rows read, accepted, cost-only and rejected, its billed cost per provider and currency,
 * or why it was refused as a whole; every rejected row's file, row, column and reason;
 * and the totals. Rows of a refused file count nowhere: none of its lines are written.
 */
final class Manifest {

	/** What a loader checks before reading anything else. */
	static final String KIND = "greenledger-spark-output";

	static final int VERSION = 1;

	private Manifest() {
	}

	/**
	 * @param records the FILE and REJECTED records of the job
	 * @return the manifest, and the files refused as a whole
	 */
	static Map<String, Object> of(List<Row> records, List<String> inputs, List<SourceFile> sources,
			Set<String> refused) {
		Map<String, Map<String, Object>> files = new TreeMap<>();
		List<Map<String, Object>> rejected = new ArrayList<>();
		for (Row record : records) {
			String file = record.getString(OutputColumns.at("source_file"));
			if (OutputColumns.FILE.equals(record.getString(OutputColumns.at("record")))) {
				Map<String, Object> account = new LinkedHashMap<>();
				account.put("file", file);
				account.putAll(LineRecords.JSON.readValue(record.getString(OutputColumns.at("account")), Map.class));
				files.put(file, account);
			}
			else {
				String column = record.getString(OutputColumns.at("column"));
				if (refused.contains(file) && !"(file)".equals(column)) {
					continue;
				}
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("file", file);
				row.put("row", record.getLong(OutputColumns.at("source_row")));
				row.put("column", column);
				row.put("reason", record.getString(OutputColumns.at("reason")));
				rejected.add(row);
			}
		}
		rejected.sort(Comparator.comparing((Map<String, Object> row) -> (String) row.get("file"))
			.thenComparing(row -> (Long) row.get("row")));
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("kind", KIND);
		manifest.put("version", VERSION);
		manifest.put("createdAt", Instant.now().toString());
		manifest.put("methodVersion", FootprintEngine.METHOD_VERSION);
		manifest.put("inputs", inputs);
		manifest.put("totals", totals(files.values()));
		List<Map<String, Object>> ordered = new ArrayList<>();
		for (SourceFile source : sources) {
			Map<String, Object> account = files.get(source.name());
			if (account != null) {
				account.put("uri", source.uri());
				account.put("bytes", source.size());
				ordered.add(account);
			}
		}
		manifest.put("files", ordered);
		manifest.put("rejectedRows", rejected);
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

package org.greenledger.ingestion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;

/**
 * The accounting of a Spark output as its {@code manifest.json} states it: per source
 * file rows read, accepted, cost-only and rejected, billed cost per provider and
 * currency, the rejected rows and the files refused as a whole; where each file's rows
 * start in the job's numbering; and the factor lists the lines reference by id.
 */
final class SparkManifest {

	/** A file the job did not read, and why. */
	record Refused(String file, String reason) {
	}

	/** An error of a rejected row of a file that was read. */
	record Rejected(String file, long row, String column, String reason) {
	}

	/** A file that was read: its accounting and the offset of its rows in the job. */
	private record Read(String file, String format, long offset, long rowsRead, long accepted, long costOnly,
			long rejected, long lines, BigDecimal billedInLines, List<Map<String, Object>> costs) {
	}

	private final Map<String, Read> read = new LinkedHashMap<>();

	private final List<Refused> refused = new ArrayList<>();

	private final List<Rejected> rejected = new ArrayList<>();

	private final Map<String, List<FactorReference>> factorLists = new HashMap<>();

	private SparkManifest() {
	}

	static SparkManifest of(JsonNode manifest, String location) {
		if (!"greenledger-spark-output".equals(manifest.path("kind").asString(""))) {
			throw new InvalidFileException(location + ": manifest.json is not a manifest of the GreenLedger Spark job"
					+ " (kind greenledger-spark-output, version 2)");
		}
		if (manifest.path("version").asInt(0) != 2) {
			throw new InvalidFileException(location + ": the output was made by another version of the GreenLedger"
					+ " Spark job (manifest version " + manifest.path("version").asString("?") + "; this GreenLedger"
					+ " reads version 2); run the job of this release on the billing files again");
		}
		SparkManifest parsed = new SparkManifest();
		parsed.readFactorLists(manifest, location);
		long offset = 0;
		for (JsonNode file : manifest.path("files")) {
			String name = file.path("file").asString();
			if (!"READ".equals(file.path("status").asString())) {
				parsed.refused.add(new Refused(name, file.path("error").asString(name + ": not read")));
				continue;
			}
			List<Map<String, Object>> costs = new ArrayList<>();
			BigDecimal inLines = BigDecimal.ZERO;
			for (JsonNode cost : file.path("costs")) {
				Map<String, Object> each = new LinkedHashMap<>();
				for (String field : List.of("provider", "currency", "billedTotal", "billedInUsageRows",
						"billedInCostOnlyRows", "billedInRejectedRows")) {
					each.put(field, cost.path(field).asString());
				}
				costs.add(each);
				inLines = inLines.add(new BigDecimal(cost.path("billedInUsageRows").asString()))
					.add(new BigDecimal(cost.path("billedInCostOnlyRows").asString()));
			}
			parsed.read.put(name,
					new Read(name, file.path("format").asString(""), offset, file.path("rowsRead").asLong(),
							file.path("rowsAccepted").asLong(), file.path("rowsCostOnly").asLong(),
							file.path("rowsRejected").asLong(), file.path("lines").asLong(), inLines, costs));
			offset += file.path("lastRow").asLong();
		}
		for (JsonNode row : manifest.path("rejectedRows")) {
			String file = row.path("file").asString();
			if (parsed.read.containsKey(file)) {
				parsed.rejected.add(new Rejected(file, row.path("row").asLong(), row.path("column").asString(""),
						row.path("reason").asString("")));
			}
		}
		return parsed;
	}

	/**
	 * The factor lists by the id the lines reference them with, each one shared list (as
	 * the writer's lineage expects).
	 */
	private void readFactorLists(JsonNode manifest, String location) {
		Map<String, FactorReference> factors = new HashMap<>();
		manifest.path("factors")
			.properties()
			.forEach(factor -> factors.put(factor.getKey(),
					IngestionJson.MAPPER.readValue(factor.getValue().toString(), FactorReference.class)));
		manifest.path("factorLists").properties().forEach(list -> {
			List<FactorReference> references = new ArrayList<>();
			for (JsonNode id : list.getValue()) {
				FactorReference factor = factors.get(id.asString());
				if (factor == null) {
					throw new InvalidFileException(location + ": manifest.json lists the factor " + id.asString()
							+ " in the factor list " + list.getKey() + " but does not hold it");
				}
				references.add(factor);
			}
			this.factorLists.put(list.getKey(), List.copyOf(references));
		});
	}

	/** The factor list a line references, by its id. */
	List<FactorReference> factorList(String id, String location) {
		List<FactorReference> list = this.factorLists.get(id);
		if (list == null) {
			throw new InvalidFileException(
					location + ": an activity line references the factor list " + id + ", which manifest.json lacks");
		}
		return list;
	}

	List<Refused> refused() {
		return this.refused;
	}

	List<Rejected> rejected() {
		return this.rejected;
	}

	/** A source row's number in the job: after the rows of the files before its own. */
	long jobRow(String file, long row) {
		Read account = this.read.get(file);
		if (account == null) {
			throw new InvalidFileException(
					file + ": the output has lines of a file its manifest does not list as read");
		}
		return account.offset() + row;
	}

	RowAccount account(List<RowError> errors) {
		long rowsRead = 0;
		long accepted = 0;
		long costOnly = 0;
		long rejected = 0;
		List<Map<String, Object>> costs = new ArrayList<>();
		for (Read file : this.read.values()) {
			rowsRead += file.rowsRead();
			accepted += file.accepted();
			costOnly += file.costOnly();
			rejected += file.rejected();
			costs.addAll(file.costs());
		}
		return new RowAccount(rowsRead, accepted, costOnly, rejected, errors, SparkOutputPipeline.merged(costs));
	}

	/** "Spark output: FOCUS 1.0, AWS CUR 2.0", the formats of the files read. */
	String format() {
		Set<String> formats = new LinkedHashSet<>();
		this.read.values().forEach(file -> formats.add(file.format()));
		return "Spark output: " + String.join(", ", formats);
	}

	/** Each file's place in the job's row numbering, and each refused file's reason. */
	List<Map<String, Object>> notes() {
		List<Map<String, Object>> notes = new ArrayList<>();
		for (Read file : this.read.values()) {
			notes.add(Map.of("note",
					file.file() + " (" + file.format() + "): its row n is row " + file.offset() + " + n of this job",
					"sourceFile", file.file(), "rowOffset", file.offset()));
		}
		for (Refused file : this.refused) {
			notes.add(Map.of("note", "Not read: " + file.reason(), "sourceFile", file.file()));
		}
		return notes;
	}

	Tally tally() {
		return new Tally();
	}

	/** What was loaded from lines/, checked against the manifest at the end. */
	final class Tally {

		private final Map<String, long[]> counts = new HashMap<>();

		private final Map<String, BigDecimal> billed = new HashMap<>();

		void row(String file, int lines, boolean costOnly, BigDecimal billedCost) {
			long[] count = this.counts.computeIfAbsent(file, key -> new long[3]);
			count[costOnly ? 1 : 0]++;
			count[2] += lines;
			this.billed.merge(file, billedCost, BigDecimal::add);
		}

		void check(String location) {
			for (Read file : SparkManifest.this.read.values()) {
				long[] count = this.counts.getOrDefault(file.file(), new long[3]);
				BigDecimal billed = this.billed.getOrDefault(file.file(), BigDecimal.ZERO);
				if (count[0] != file.accepted() || count[1] != file.costOnly() || count[2] != file.lines()
						|| billed.compareTo(file.billedInLines()) != 0) {
					throw new InvalidFileException(location + ": the lines of " + file.file()
							+ " do not add up to its manifest (" + count[0] + " usage and " + count[1]
							+ " cost-only rows in " + count[2] + " lines, billed " + billed.toPlainString()
							+ "; the manifest says " + file.accepted() + ", " + file.costOnly() + ", " + file.lines()
							+ ", " + file.billedInLines().toPlainString() + "); nothing of the output was stored");
				}
			}
		}

	}

}

package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.greenledger.core.billing.ParquetOpener;
import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.Table;
import org.greenledger.ledger.ActivityLineWriter;
import org.greenledger.ledger.BillingPeriodOverlaps;
import org.springframework.stereotype.Component;

/**
 * Loads an output of the GreenLedger Spark job (a load document made by
 * {@link SparkOutputs}) as one job: its activity lines stored as the billing pipeline
 * stores a file's, its accounting and billed cost taken from the manifest and checked
 * against the lines, held to the same limit on rejected rows, and its overlaps with
 * earlier uploads settled by the same rules. Rows are numbered through the output: the
 * rows of the manifest's n-th file follow those of the files before it, and the job's
 * notes give each file's offset, so a line leads back to its source file and row.
 */
@Component
class SparkOutputPipeline implements Pipeline {

	private final SparkOutputRoots roots;

	private final ParquetOpener parquet;

	private final BillingPeriodOverlaps overlaps;

	private final IngestionProperties properties;

	private final StoredFiles files;

	SparkOutputPipeline(SparkOutputRoots roots, ParquetOpener parquet, BillingPeriodOverlaps overlaps,
			IngestionProperties properties, StoredFiles files) {
		this.roots = roots;
		this.files = files;
		this.parquet = parquet;
		this.overlaps = overlaps;
		this.properties = properties;
	}

	@Override
	public boolean recognises(JobFile file) {
		return file.parquet() == null
				&& new String(file.head(), StandardCharsets.UTF_8).startsWith(SparkOutputs.DOCUMENT_START);
	}

	@Override
	public Outcome run(JobFile file) throws IOException, SQLException {
		JsonNode document = IngestionJson.MAPPER.readTree(file.content());
		String location = document.path("greenledgerSparkOutput").asString();
		try (SparkOutputSource output = source(document, location)) {
			JsonNode manifest = IngestionJson.MAPPER.readTree(output.manifest());
			if (!manifest.equals(document.path("manifest"))) {
				throw new InvalidFileException(location + ": the output changed after it was sent for loading (its"
						+ " manifest is another); send it again");
			}
			return run(file, output, manifest, location);
		}
	}

	/** Where the document's output is read from, checked again as when it was sent. */
	private SparkOutputSource source(JsonNode document, String location) {
		JsonNode parts = document.path("parts");
		if (parts.isObject()) {
			Map<String, String> stored = new LinkedHashMap<>();
			parts.properties().forEach(part -> stored.put(part.getKey(), part.getValue().asString()));
			byte[] manifest = IngestionJson.MAPPER.writeValueAsBytes(document.path("manifest"));
			return new SparkOutputSource.Stored(this.files, manifest, stored);
		}
		try {
			return this.roots.locate(location);
		}
		catch (SparkOutputs.RefusedLocationException ex) {
			throw new InvalidFileException(ex.getMessage());
		}
	}

	private Outcome run(JobFile file, SparkOutputSource output, JsonNode manifest, String location)
			throws IOException, SQLException {
		Job job = file.job();
		SparkManifest accounts = SparkManifest.of(manifest, location);
		for (SparkManifest.Refused refused : accounts.refused()) {
			file.errors().add(new RowError(0, "(file)", refused.reason()));
		}
		for (SparkManifest.Rejected rejected : accounts.rejected()) {
			file.errors()
				.add(new RowError(accounts.jobRow(rejected.file(), rejected.row()), rejected.column(),
						rejected.file() + " row " + rejected.row() + ": " + rejected.reason()));
		}
		RowAccount account = accounts.account(file.errors().kept());
		try (ActivityLineWriter writer = new ActivityLineWriter(file.connection(), job.id(), job.orgUnit())) {
			SparkManifest.Tally tally = accounts.tally();
			for (String part : output.parts()) {
				try (InputStream in = output.open(part)) {
					load(in, location, accounts, writer, tally);
				}
			}
			tally.check(location);
			RejectionLimit limit = this.properties.rejectionLimit(RowKind.BILLING);
			if (limit.refuses(account)) {
				throw new RejectedFileException(account, limit, accounts.format());
			}
			writer.finish();
			this.overlaps.requireUnlocked(job.id(), job.fileName());
			List<BillingPeriodOverlaps.Overlapping> overlapping = this.overlaps.resolve(job.id(), job.overlap(),
					job.createdBy(), job.fileName());
			writer.attach();
			return new Outcome(accounts.format(), account,
					overlapping.stream().map(BillingPeriodOverlaps.Overlapping::describe).toList(), null,
					accounts.notes(), limit);
		}
	}

	/**
	 * Stores a part's lines, a row's lines together (the job writes them one after the
	 * other).
	 */
	private void load(InputStream in, String location, SparkManifest accounts, ActivityLineWriter writer,
			SparkManifest.Tally tally) throws IOException, SQLException {
		try (Table table = this.parquet.open(in)) {
			SparkLines columns = new SparkLines(table.header(), accounts, location);
			List<SourceLine> lines = new ArrayList<>(4);
			List<ImpactLine> impacts = new ArrayList<>(4);
			String rowFile = null;
			long rowNumber = -1;
			for (List<@Nullable String> cells = table.next(); cells != null; cells = table.next()) {
				String sourceFile = columns.file(cells);
				long row = columns.row(cells);
				if (!sourceFile.equals(rowFile) || row != rowNumber) {
					write(writer, lines, impacts, rowFile, tally);
					rowFile = sourceFile;
					rowNumber = row;
				}
				SourceLine line = columns.sourceLine(cells, accounts.jobRow(sourceFile, row));
				ImpactLine impact = columns.impact(cells);
				lines.add(line);
				if (impact != null) {
					impacts.add(impact);
				}
			}
			write(writer, lines, impacts, rowFile, tally);
		}
	}

	private static void write(ActivityLineWriter writer, List<SourceLine> lines, List<ImpactLine> impacts,
			@Nullable String sourceFile, SparkManifest.Tally tally) throws SQLException {
		if (lines.isEmpty() || sourceFile == null) {
			return;
		}
		if (!impacts.isEmpty() && impacts.size() != lines.size()) {
			throw new InvalidFileException(sourceFile + " row " + lines.get(0).row()
					+ ": the output mixes usage and cost-only lines in one row");
		}
		writer.write(List.copyOf(lines), List.copyOf(impacts));
		tally.row(sourceFile, lines.size(), impacts.isEmpty(), lines.get(0).billedCost());
		lines.clear();
		impacts.clear();
	}

	/** Billed cost per provider and currency, summed over the files, for the job. */
	static List<Map<String, Object>> merged(List<Map<String, Object>> costs) {
		Map<List<Object>, Map<String, Object>> merged = new LinkedHashMap<>();
		for (Map<String, Object> cost : costs) {
			Map<String, Object> sum = merged.computeIfAbsent(List.of(cost.get("provider"), cost.get("currency")),
					key -> new LinkedHashMap<>(Map.of("provider", key.get(0), "currency", key.get(1), "billedTotal",
							BigDecimal.ZERO, "billedInUsageRows", BigDecimal.ZERO, "billedInCostOnlyRows",
							BigDecimal.ZERO, "billedInRejectedRows", BigDecimal.ZERO)));
			for (String amount : List.of("billedTotal", "billedInUsageRows", "billedInCostOnlyRows",
					"billedInRejectedRows")) {
				sum.put(amount, ((BigDecimal) sum.get(amount)).add(new BigDecimal(String.valueOf(cost.get(amount)))));
			}
		}
		return new ArrayList<>(merged.values());
	}

}

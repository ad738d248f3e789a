package org.greenledger.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;
import org.postgresql.core.BaseConnection;

import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Usage;
import org.greenledger.database.BinaryCopyEncoder;

/**
 * Streams one file's activity rows with binary {@code COPY} into a table created for the
 * job (the staging table), keeping the distinct attribute combinations, the distinct
 * factor lineages and the daily sums as it goes. {@link #finish()} stores those with
 * set-based SQL; {@link #attach()} then makes the table the job's partition of
 * {@code activity_line} without copying a row again. Runs on the caller's connection and
 * transaction: nothing is visible before the caller commits, and a rollback leaves
 * nothing behind.
 */
public final class ActivityLineWriter implements AutoCloseable {

	private static final int BUFFER = 1 << 18;

	private static final int FIELDS = 23;

	private final Connection connection;

	private final UUID jobId;

	private final String table;

	private final CopyIn copy;

	private final BinaryCopyEncoder out = new BinaryCopyEncoder(BUFFER + 4096);

	private static final int CHUNK = 1 << 16;

	/**
	 * Where rows are staged (a new chunk when full: rows not yet written keep theirs).
	 */
	private BinaryCopyEncoder staging = new BinaryCopyEncoder(CHUNK + 4096);

	private final Numbered<Dimension> dimensions = new Numbered<>(Dimension::canonical, false);

	private final DimensionNumbers dimensionNumbers;

	private final Lineages lineages = new Lineages();

	private final Numbered<Map<String, String>> tagSets = new Numbered<>(TagSets::canonical, true);

	private final FileRollups rollups = new FileRollups();

	private final double[] quantities = new double[6];

	private long rows;

	public ActivityLineWriter(Connection connection, UUID jobId, @Nullable String orgUnit) throws SQLException {
		this.connection = connection;
		this.jobId = jobId;
		this.dimensionNumbers = new DimensionNumbers(this.dimensions, orgUnit);
		this.table = "activity_line_" + jobId.toString().replace("-", "");
		try (Statement statement = connection.createStatement()) {
			statement.execute("create table " + this.table + " (like activity_line, constraint " + this.table
					+ "_job check (job_id = '" + jobId + "'))");
		}
		this.copy = connection.unwrap(BaseConnection.class)
			.getCopyAPI()
			.copyIn("copy " + this.table + " from stdin with (format binary, freeze)");
	}

	/**
	 * Writes one input row: its lines (one cost-only line, or one line per usage) and
	 * their impacts (empty for a cost-only row).
	 */
	public void write(List<SourceLine> lines, List<ImpactLine> lineImpacts) throws SQLException {
		write(stage(lines, lineImpacts));
	}

	/**
	 * The part of writing a row that needs only the row: numbers its attribute
	 * combination, tag set and lineage, sums its impacts and encodes its COPY tuple. Rows
	 * are staged in the file's order, all on one thread (which may be another than the
	 * one that {@link #write(StagedRow) writes} them, in the same order, after a
	 * hand-over that publishes them).
	 */
	public StagedRow stage(List<SourceLine> lines, List<ImpactLine> lineImpacts) {
		SourceLine first = lines.get(0);
		boolean costOnly = lineImpacts.isEmpty();
		int dimension = this.dimensionNumbers.number(first, costOnly ? null : lineImpacts.get(0).scope().name());
		int quality = 0;
		double[] impacts = new double[RollupSums.IMPACTS];
		Arrays.fill(this.quantities, Double.NaN);
		for (int i = 0; i < lineImpacts.size(); i++) {
			ImpactLine impact = lineImpacts.get(i);
			quality = Math.max(quality, impact.quality().tier());
			impacts[0] += impact.itEnergy().kilowattHours();
			impacts[1] += impact.facilityEnergy().kilowattHours();
			impacts[2] += impact.locationBased().kilograms();
			impacts[3] += impact.marketBased().kilograms();
			impacts[4] += impact.embodied().kilograms();
			impacts[5] += impact.waterOnSite().liters();
			impacts[6] += impact.waterOffSite().liters();
			addQuantity(lines.get(i).usage());
		}
		BinaryCopyEncoder out = this.staging;
		if (out.length() >= CHUNK) {
			// the rows staged so far keep their chunk; later ones get a new one
			out = new BinaryCopyEncoder(CHUNK + 4096);
			this.staging = out;
		}
		int from = out.length();
		out.startTuple(FIELDS);
		out.putUuid(this.jobId);
		out.putInt8(first.row());
		out.putTimestamp(first.periodStart());
		out.putTimestamp(first.periodEnd());
		out.putInt8(this.dimensions.id(dimension));
		int tags = first.tags().isEmpty() ? -1 : this.tagSets.number(first.tags());
		if (tags < 0) {
			out.putNull();
		}
		else {
			out.putInt8(this.tagSets.id(tags));
		}
		if (costOnly) {
			out.putNull();
			out.putNull();
		}
		else {
			out.putInt8(this.lineages.id(lines, lineImpacts));
			out.putInt2(quality);
		}
		for (double quantity : this.quantities) {
			out.putFloat8(quantity);
		}
		out.putNumeric(first.billedCost());
		out.putNumeric(first.effectiveCost());
		for (double impact : impacts) {
			if (costOnly) {
				out.putNull();
			}
			else {
				out.putFloat8(impact);
			}
		}
		return new StagedRow(out.buffer(), from, out.length(), FileRollups.dayOrMinusOne(first.periodStart()),
				first.periodStart(), dimension, quality, tags, first.tags(), first.currency(), impacts,
				RollupSums.billionths(first.billedCost()), first.billedCost());
	}

	/** Writes a row {@link #stage staged} before, in the order they were staged. */
	public void write(StagedRow row) throws SQLException {
		BinaryCopyEncoder out = this.out;
		out.putEncoded(row.tuples, row.from, row.to);
		this.rollups.add(row);
		this.rows++;
		if (out.length() >= BUFFER) {
			flush();
		}
	}

	private void addQuantity(@Nullable Usage usage) {
		switch (usage) {
			case Usage.VcpuHours v -> add(0, v.hours().hours());
			case Usage.MemoryHours m -> add(1, m.size().gigabytes() * m.hours().hours());
			case Usage.AcceleratorHours a -> add(2, a.hours().hours());
			case Usage.StorageHours s -> add(3, s.size().terabytes() * s.hours().hours());
			case Usage.NetworkTransfer n -> add(4, n.transferred().gigabytes());
			case Usage.MeasuredEnergy e -> add(5, e.energy().kilowattHours());
			case Usage.ServiceUnits u -> {
				// billed units of a service: the line's energy is its figure
			}
			case Usage.Spend s -> {
				// the spend is the row's cost
			}
			case null -> {
			}
		}
	}

	private void add(int index, double value) {
		this.quantities[index] = Double.isNaN(this.quantities[index]) ? value : this.quantities[index] + value;
	}

	/**
	 * Ends the COPY and stores, set-based, the file's attribute combinations, lineages
	 * and day and month sums.
	 * @return the number of rows staged
	 */
	public long finish() throws SQLException {
		flush();
		this.out.finish();
		flush();
		long staged = this.copy.endCopy();
		ReferenceRows.store(this.connection, this.dimensions, this.tagSets, this.lineages.values(),
				this.lineages.content());
		this.rollups.store(this.connection, this.jobId, this.dimensions.values(), this.dimensions.idArray());
		return staged;
	}

	/**
	 * Makes the staged rows the job's partition of {@code activity_line}, with the index
	 * by source row built first (on the loaded rows, once) so that attaching adopts it.
	 */
	public void attach() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("create index " + this.table + "_source_row on " + this.table + " (source_row)");
			statement.execute("alter table activity_line attach partition " + this.table + " for values in ('"
					+ this.jobId + "')");
			// statistics now rather than when autovacuum gets to the new partition: pages
			// of lines in the explorer are planned well only with them. Only of the
			// columns the ledger's queries filter, join and sort lines by (the same
			// sample, the same plans, 40 % less time than all 23 columns); a partial
			// analyze leaves the partition's changes counted, so autovacuum adds the
			// other columns later
			statement.execute("analyze " + this.table + " (job_id, source_row, period_start, dimension_id, tags_id,"
					+ " lineage_id, quality, co2e_location_kg, billed_cost)");
		}
	}

	public long rows() {
		return this.rows;
	}

	private void flush() throws SQLException {
		if (this.out.length() > 0) {
			this.copy.writeToCopy(this.out.buffer(), 0, this.out.length());
			this.out.reset();
		}
	}

	@Override
	public void close() {
		if (this.copy.isActive()) {
			try {
				this.copy.cancelCopy();
			}
			catch (SQLException ex) {
				// the transaction is rolled back anyway
			}
		}
	}

}

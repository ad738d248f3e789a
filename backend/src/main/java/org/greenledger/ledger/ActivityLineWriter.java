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

	private final RecentAmounts amounts = new RecentAmounts();

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
		write(stage(lines, lineImpacts, null));
	}

	/**
	 * The part of writing a row that needs only the row: numbers its attribute
	 * combination, tag set and lineage, sums its impacts and encodes its COPY tuple. Rows
	 * are staged in the file's order, all on one thread (which may be another than the
	 * one that {@link #write(StagedRow) writes} them, in the same order, after a
	 * hand-over that publishes them). Line {@code i}'s impacts are
	 * {@code unitImpacts.get(i)} times {@code scales[i]} (all 1 when {@code scales} is
	 * null, so the impacts are the lines' own), checked already to be quantities; their
	 * factors, tier and scope are the unit's.
	 */
	public StagedRow stage(List<SourceLine> lines, List<ImpactLine> unitImpacts, double @Nullable [] scales) {
		SourceLine first = lines.get(0);
		boolean costOnly = unitImpacts.isEmpty();
		int dimension = this.dimensionNumbers.number(first, costOnly ? null : unitImpacts.get(0).scope().name());
		double[] impacts = new double[RollupSums.IMPACTS];
		int quality = sum(lines, unitImpacts, scales, impacts);
		Map<String, String> tagMap = first.tags();
		int tags = this.tagSets.number(tagMap, Map::isEmpty);
		long lineage = costOnly ? 0 : this.lineages.id(lines, unitImpacts);
		BinaryCopyEncoder out = this.staging;
		if (out.length() >= CHUNK) {
			// the rows staged so far keep their chunk; later ones get a new one
			out = new BinaryCopyEncoder(CHUNK + 4096);
			this.staging = out;
		}
		int from = out.length();
		encode(out, first, this.dimensions.id(dimension), tags, costOnly, lineage, quality, impacts);
		return new StagedRow(out.buffer(), from, out.length(), FileRollups.dayOrMinusOne(first.periodStart()),
				first.periodStart(), dimension, quality, tags, tagMap, first.currency(), impacts,
				this.amounts.billionths(first.billedCost()), first.billedCost());
	}

	/**
	 * Encodes a row's COPY tuple: its numbers, the quantities summed by {@link #sum}, its
	 * costs and impacts (null for a cost-only row). Apart from {@link #stage}'s
	 * numbering, so that each is compiled on its own.
	 * @param tags the number of the row's tag set, -1 for none
	 */
	private void encode(BinaryCopyEncoder out, SourceLine first, long dimension, int tags, boolean costOnly,
			long lineage, int quality, double[] impacts) {
		out.startTuple(FIELDS);
		out.putUuid(this.jobId);
		out.putInt8(first.row());
		out.putTimestamp(first.periodStart());
		out.putTimestamp(first.periodEnd());
		out.putInt8(dimension);
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
			out.putInt8(lineage);
			out.putInt2(quality);
		}
		out.putFloat8s(this.quantities);
		this.amounts.putNumeric(out, first.billedCost());
		this.amounts.putNumeric(out, first.effectiveCost());
		if (costOnly) {
			out.putNulls(impacts.length);
		}
		else {
			out.putFloat8s(impacts);
		}
	}

	/**
	 * Sums the lines' impacts into {@code impacts} and their quantities into
	 * {@link #quantities} (NaN where no line has one).
	 * @return the row's quality tier (the worst of its lines')
	 */
	private int sum(List<SourceLine> lines, List<ImpactLine> unitImpacts, double @Nullable [] scales,
			double[] impacts) {
		Arrays.fill(this.quantities, Double.NaN);
		int quality = 0;
		for (int i = 0; i < unitImpacts.size(); i++) {
			ImpactLine impact = unitImpacts.get(i);
			double scale = (scales != null) ? scales[i] : 1;
			quality = Math.max(quality, impact.quality().tier());
			impacts[0] += impact.itEnergy().kilowattHours() * scale;
			impacts[1] += impact.facilityEnergy().kilowattHours() * scale;
			impacts[2] += impact.locationBased().kilograms() * scale;
			impacts[3] += impact.marketBased().kilograms() * scale;
			impacts[4] += impact.embodied().kilograms() * scale;
			impacts[5] += impact.waterOnSite().liters() * scale;
			impacts[6] += impact.waterOffSite().liters() * scale;
			addQuantity(lines.get(i).usage());
		}
		return quality;
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
		// by exact class (the records are final) rather than a pattern switch: once per
		// line. Service units (the line's energy is its figure) and spend (the row's
		// cost) have no quantity column
		Class<?> kind = (usage != null) ? usage.getClass() : null;
		if (kind == Usage.VcpuHours.class) {
			add(0, ((Usage.VcpuHours) usage).hours().hours());
		}
		else if (kind == Usage.MemoryHours.class) {
			Usage.MemoryHours m = (Usage.MemoryHours) usage;
			add(1, m.size().gigabytes() * m.hours().hours());
		}
		else if (kind == Usage.AcceleratorHours.class) {
			add(2, ((Usage.AcceleratorHours) usage).hours().hours());
		}
		else if (kind == Usage.StorageHours.class) {
			Usage.StorageHours s = (Usage.StorageHours) usage;
			add(3, s.size().terabytes() * s.hours().hours());
		}
		else if (kind == Usage.NetworkTransfer.class) {
			add(4, ((Usage.NetworkTransfer) usage).transferred().gigabytes());
		}
		else if (kind == Usage.MeasuredEnergy.class) {
			add(5, ((Usage.MeasuredEnergy) usage).energy().kilowattHours());
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
	 * by source row built first (on the loaded rows, once) so that attaching adopts it,
	 * and the period-lock guards of {@code activity_line} on the partition itself (V61),
	 * so that a statement naming the partition is refused as one on {@code activity_line}
	 * is.
	 */
	public void attach() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("create index " + this.table + "_source_row on " + this.table + " (source_row)");
			statement.execute("alter table activity_line attach partition " + this.table + " for values in ('"
					+ this.jobId + "')");
			statement.execute("select period_lock_install_partition('" + this.table + "')");
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

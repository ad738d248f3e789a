package org.greenledger.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Streams the activity lines of a period for auditors' workbooks: each line with its
 * source file and row, what was used, its impacts, its data-quality tier and the factors
 * (with dataset and version) it was calculated with. Rows are read with a database cursor
 * on a connection of their own, so that a million lines never sit in memory.
 */
@Service
public class ActivityLineExport {

	/** Column headers of {@link #lines}, in order. */
	public static final List<String> HEADERS = List.of("Source file", "SHA-256", "Row", "Period start", "Period end",
			"Provider", "Account", "Region", "Service", "Charge category", "Cost-only reason", "vCPU hours",
			"Memory GB hours", "Accelerator hours", "Storage TB hours", "Network GB", "Measured kWh", "IT kWh",
			"Facility kWh", "CO2e location kg", "CO2e market kg", "CO2e embodied kg", "Water on site L",
			"Water off site L", "Billed cost", "Currency", "Quality tier", "Factors (dataset, version)");

	/**
	 * Column headers of {@link #keyedLines}: those of {@link #HEADERS} with the SHA-256
	 * and the factors' texts replaced by short keys into the workbook's Source files and
	 * Factors used sheets.
	 */
	public static final List<String> KEYED_HEADERS = HEADERS.stream().map(header -> switch (header) {
		case "SHA-256" -> "Source key";
		case "Factors (dataset, version)" -> "Factor keys";
		default -> header;
	}).toList();

	private static final String SQL = """
			select l.job_id, l.source_row, l.period_start, l.period_end, d.provider, d.account_id,
			       d.region, d.service, d.charge_category, d.cost_only_reason, l.vcpu_hours, l.memory_gb_hours,
			       l.accelerator_hours, l.storage_tb_hours, l.network_gb, l.energy_kwh, l.it_kwh, l.facility_kwh,
			       l.co2e_location_kg, l.co2e_market_kg, l.co2e_embodied_kg, l.water_onsite_l, l.water_offsite_l,
			       l.billed_cost, d.currency, l.quality, l.lineage_id
			from activity_line l
			join activity_dimension d on d.id = l.dimension_id
			where l.period_start >= ? and l.period_start < ?""";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final LineFiles files;

	ActivityLineExport(DataSource dataSource, SourceFiles sourceFiles) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.files = new LineFiles(this.jdbc, sourceFiles);
	}

	/**
	 * The lines whose period starts from {@code from} to {@code to} (both included, UTC),
	 * in file order (upload, then row), their cells in the order of {@link #HEADERS}.
	 * Each iterator opens a cursor of its own; its connection is released when the
	 * iteration ends or fails, or when the iterator (which is {@link AutoCloseable}) is
	 * closed.
	 */
	public Iterable<List<@Nullable Object>> lines(LocalDate from, LocalDate to) {
		return lines(from, to, null);
	}

	/**
	 * The same lines of one org unit only (those uploaded for it), or of every unit when
	 * {@code orgUnit} is null.
	 */
	public Iterable<List<@Nullable Object>> lines(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		return () -> new Cursor(from, to, inFileOrder(orgUnit), (orgUnit != null) ? List.of(orgUnit) : List.of(), null);
	}

	/**
	 * The same lines as {@link #lines(LocalDate, LocalDate, String)}, in the order of
	 * {@link #KEYED_HEADERS}: the source file's SHA-256 as its {@link #sourceKey} and the
	 * factors as their keys (space-separated) in {@code factorKeys} (see
	 * {@link #factorKeys}); a factor without a key keeps its text.
	 */
	public Iterable<List<@Nullable Object>> keyedLines(LocalDate from, LocalDate to, @Nullable String orgUnit,
			Map<String, String> factorKeys) {
		return () -> new Cursor(from, to, inFileOrder(orgUnit), (orgUnit != null) ? List.of(orgUnit) : List.of(),
				factorKeys);
	}

	/**
	 * The lines of the period (of one org unit), in file order: upload, then row. Without
	 * an order the database returns them as its plan of the moment reads them, and a
	 * report generated twice from the same lines would not be the same bytes.
	 */
	private static String inFileOrder(@Nullable String orgUnit) {
		return SQL + ((orgUnit != null) ? " and d.org_unit = ?" : "") + " order by l.job_id, l.source_row";
	}

	/** A source file's key: the first 12 hexadecimal digits of its SHA-256. */
	public static String sourceKey(String sha256) {
		return sha256.substring(0, Math.min(12, sha256.length()));
	}

	/**
	 * Keys F1, F2, ... for the rows of {@link #factorsUsed}, in their order, by the
	 * factor's identity (kind, key, value, unit, dataset, version, validity).
	 */
	public static Map<String, String> factorKeys(List<List<@Nullable Object>> factorsUsed) {
		Map<String, String> keys = new HashMap<>();
		for (int i = 0; i < factorsUsed.size(); i++) {
			keys.putIfAbsent(factorsUsed.get(i).subList(0, 7).toString(), "F" + (i + 1));
		}
		return keys;
	}

	/**
	 * How many lines {@link #lines(LocalDate, LocalDate, String)} gives (for a progress
	 * bar: "activity line 40,000 of 160,000").
	 */
	public long count(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		// the day sums count every line on the day its period starts: the same lines,
		// counted without reading them (on the caller's transaction, a report's)
		return this.jdbc
			.sql("""
					select coalesce(sum(r.row_count), 0) from footprint_rollup_day r
					join activity_dimension d on d.id = r.dimension_id where r.day >= ? and r.day <= ?"""
					+ ((orgUnit != null) ? " and d.org_unit = ?" : ""))
			.params((orgUnit != null) ? List.of(from, to, orgUnit) : List.of(from, to))
			.query(Long.class)
			.single();
	}

	/**
	 * The lines the filter and the selection select (as the explorer lists them), in the
	 * selection's order (file order: upload, then row).
	 */
	public Iterable<List<@Nullable Object>> lines(LocalDate from, LocalDate to, LedgerFilter filter,
			LineSelection selection) {
		List<Object> params = new ArrayList<>();
		String condition = filter.condition(params);
		LineSelection.Order order = selection.order();
		String sql = SQL + " and " + condition + " and " + selection.lineCondition() + " order by "
				+ ((order == LineSelection.Order.FILE) ? "l.job_id, l.source_row"
						: order.key() + (order.descending() ? " desc" : "") + ", l.job_id, l.source_row");
		return () -> new Cursor(from, to, sql, params, null);
	}

	private final class Cursor implements Iterator<List<@Nullable Object>>, AutoCloseable {

		private final Map<Long, String> factors = new HashMap<>();

		/** The source files of the period's jobs, read before the cursor opens. */
		private final Map<UUID, LineFiles.Cells> files;

		private @Nullable Connection connection;

		private @Nullable PreparedStatement statement;

		private @Nullable ResultSet rows;

		private boolean ready;

		private boolean more;

		/** The factors' keys, when the lines name factors and files by key. */
		private final @Nullable Map<String, String> factorKeys;

		Cursor(LocalDate from, LocalDate to, String sql, List<Object> params,
				@Nullable Map<String, String> factorKeys) {
			this.factorKeys = factorKeys;
			this.files = ActivityLineExport.this.files.of(from, to);
			try {
				this.connection = ActivityLineExport.this.dataSource.getConnection();
				this.connection.setAutoCommit(false);
				this.connection.setReadOnly(true);
				this.statement = this.connection.prepareStatement(sql);
				this.statement.setFetchSize(5_000);
				this.statement.setTimestamp(1, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
				this.statement.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
				for (int i = 0; i < params.size(); i++) {
					Object param = params.get(i);
					if (param instanceof String[] values) {
						this.statement.setArray(i + 3, this.connection.createArrayOf("text", values));
					}
					else {
						this.statement.setObject(i + 3, param);
					}
				}
				this.rows = this.statement.executeQuery();
			}
			catch (SQLException ex) {
				close();
				throw new IllegalStateException("Could not read the activity lines: " + ex.getMessage(), ex);
			}
		}

		@Override
		public boolean hasNext() {
			if (!this.ready) {
				try {
					this.more = this.rows != null && this.rows.next();
				}
				catch (SQLException ex) {
					close();
					throw new IllegalStateException("Could not read the activity lines: " + ex.getMessage(), ex);
				}
				this.ready = true;
				if (!this.more) {
					close();
				}
			}
			return this.more;
		}

		@Override
		public List<@Nullable Object> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			this.ready = false;
			try {
				ResultSet rs = this.rows;
				Object[] row = new Object[HEADERS.size()];
				LineFiles.Cells file = file(rs.getObject(1, UUID.class));
				String sha256 = file.sha256();
				row[0] = file.name();
				row[1] = (this.factorKeys != null && sha256 != null) ? sourceKey(sha256) : sha256;
				row[2] = rs.getLong(2);
				row[3] = rs.getTimestamp(3).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
				row[4] = rs.getTimestamp(4).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
				for (int i = 5; i <= 10; i++) {
					row[i] = rs.getString(i);
				}
				for (int i = 11; i <= 23; i++) {
					double value = rs.getDouble(i);
					row[i] = rs.wasNull() ? null : value;
				}
				row[24] = rs.getBigDecimal(24);
				row[25] = rs.getString(25);
				int quality = rs.getInt(26);
				row[26] = rs.wasNull() ? null : quality;
				long lineage = rs.getLong(27);
				row[27] = rs.wasNull() ? null : factors(lineage);
				return Arrays.asList(row);
			}
			catch (SQLException ex) {
				close();
				throw new IllegalStateException("Could not read the activity lines: " + ex.getMessage(), ex);
			}
			catch (RuntimeException ex) {
				close(); // the connection goes back to the pool whatever failed
				throw ex;
			}
		}

		/**
		 * The line's source file. The files are read before the cursor takes its
		 * connection, so that an export never holds one connection while waiting for
		 * another (a pool of n connections would otherwise stall under n exports); only a
		 * job committed in between is asked for here. A job without an upload record
		 * (which uploads and removals do not leave) is named as such rather than failing
		 * the export.
		 */
		private LineFiles.Cells file(UUID job) {
			return this.files.computeIfAbsent(job, ActivityLineExport.this.files::of);
		}

		private String factors(long lineage) throws SQLException {
			String known = this.factors.get(lineage);
			if (known != null) {
				return known;
			}
			String text = "";
			try (PreparedStatement query = this.connection
				.prepareStatement("select lines::text from calculation_lineage where id = ?")) {
				query.setLong(1, lineage);
				try (ResultSet result = query.executeQuery()) {
					if (result.next()) {
						text = (this.factorKeys != null) ? LineageFactors.keys(result.getString(1), this.factorKeys)
								: LineageFactors.describe(result.getString(1));
					}
				}
			}
			if (this.factors.size() > 50_000) {
				this.factors.clear();
			}
			this.factors.put(lineage, text);
			return text;
		}

		@Override
		public void close() {
			try {
				if (this.rows != null) {
					this.rows.close();
				}
				if (this.statement != null) {
					this.statement.close();
				}
				if (this.connection != null) {
					this.connection.rollback();
					this.connection.close();
				}
			}
			catch (SQLException ex) {
				// releasing the cursor: nothing more to do
			}
			this.rows = null;
			this.statement = null;
			this.connection = null;
		}

	}

	/** Column headers of {@link #factorsUsed}, in order. */
	public static final List<String> FACTOR_HEADERS = List.of("Kind", "Key", "Value", "Unit", "Dataset", "Version",
			"Validity", "Source", "Quality tier");

	/**
	 * Every distinct factor the activity and measured lines of the period were calculated
	 * with, sorted by kind and key, in the order of {@link #FACTOR_HEADERS}.
	 */
	public List<List<@Nullable Object>> factorsUsed(LocalDate from, LocalDate to) {
		Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		java.util.TreeMap<String, List<@Nullable Object>> factors = new java.util.TreeMap<>();
		try (Connection connection = this.dataSource
			.getConnection(); PreparedStatement query = connection.prepareStatement("""
					select lines::text from calculation_lineage where id in (
					    select lineage_id from activity_line where period_start >= ? and period_start < ?
					    union select lineage_id from measured_line where period_start >= ? and period_start < ?)""")) {
			query.setTimestamp(1, start);
			query.setTimestamp(2, end);
			query.setTimestamp(3, start);
			query.setTimestamp(4, end);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					for (Map<String, Object> factor : LineageFactors.factors(rows.getString(1))) {
						List<@Nullable Object> row = Arrays.asList(factor.get("kind"), factor.get("key"),
								factor.get("value"), factor.get("unit"), factor.get("dataset"), factor.get("version"),
								factor.get("validity"), factor.get("source"),
								LineageFactors.tier(factor.get("quality")));
						factors.putIfAbsent(row.subList(0, 7).toString(), row);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the factors used: " + ex.getMessage(), ex);
		}
		return new ArrayList<>(factors.values());
	}

}

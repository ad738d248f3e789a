package org.greenledger.ingestion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import org.greenledger.footprint.FactorReference;
import org.greenledger.footprint.ImpactLine;

/**
 * Streams one file's lines into a temporary staging table with PostgreSQL {@code COPY},
 * then moves them into {@code activity_line} with one set-based insert, creating the
 * month partitions they need. Runs on the caller's connection and transaction: nothing is
 * visible before the caller commits, and a rollback leaves nothing behind.
 */
final class ActivityLineWriter implements AutoCloseable {

	private static final int BUFFER = 1 << 16;

	private final Connection connection;

	private final UUID jobId;

	private final String sha256;

	private final @Nullable String orgUnit;

	/** Distinct factor lists of this file, numbered locally while the COPY runs. */
	private final Map<List<FactorReference>, Integer> lineage = new HashMap<>();

	private final List<ImpactLine> lineageSamples = new java.util.ArrayList<>();

	private final StringBuilder buffer = new StringBuilder(BUFFER * 2);

	private final CopyIn copy;

	ActivityLineWriter(Connection connection, UUID jobId, String sha256, @Nullable String orgUnit) throws SQLException {
		this.connection = connection;
		this.jobId = jobId;
		this.sha256 = sha256;
		this.orgUnit = orgUnit;
		try (var statement = connection.createStatement()) {
			statement.execute("create temporary table activity_stage (like activity_line) on commit drop");
		}
		CopyManager copyManager = connection.unwrap(BaseConnection.class).getCopyAPI();
		this.copy = copyManager.copyIn("copy activity_stage from stdin with (format csv)");
	}

	void write(SourceLine line, @Nullable ImpactLine impact) throws SQLException {
		Object[] values = { this.jobId, this.sha256, line.row(), line.line(), line.costOnly() ? "COST_ONLY" : "USAGE",
				usageType(line), quantity(line), line.unit(), line.periodStart(), line.periodEnd(), line.provider(),
				line.accountId(), line.region(), line.service(), line.serviceCategory(), line.chargeCategory(),
				line.billedCost().toPlainString(),
				(line.effectiveCost() != null) ? line.effectiveCost().toPlainString() : null, line.currency(),
				this.orgUnit, line.tags().isEmpty() ? null : IngestionJson.MAPPER.writeValueAsString(line.tags()),
				line.costOnlyReason(), (impact != null) ? impact.itEnergy().kilowattHours() : null,
				(impact != null) ? impact.facilityEnergy().kilowattHours() : null,
				(impact != null) ? impact.locationBased().kilograms() : null,
				(impact != null) ? impact.marketBased().kilograms() : null,
				(impact != null) ? impact.embodied().kilograms() : null,
				(impact != null) ? impact.waterOnSite().liters() : null,
				(impact != null) ? impact.waterOffSite().liters() : null,
				(impact != null) ? impact.scope().name() : null, (impact != null) ? impact.quality().tier() : null,
				(impact != null) ? lineageId(impact) : null };
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.buffer.append(',');
			}
			appendCsv(values[i]);
		}
		this.buffer.append('\n');
		if (this.buffer.length() >= BUFFER) {
			flush();
		}
	}

	/** Ends the COPY and moves the staged lines into their month partitions. */
	long finish() throws SQLException {
		flush();
		long staged = this.copy.endCopy();
		try (var statement = this.connection.createStatement()) {
			statement.execute("select pg_advisory_xact_lock(hashtext('activity_line partitions'))");
			try (var months = statement.executeQuery(
					"select distinct date_trunc('month', period_start at time zone 'UTC')::date from activity_stage")) {
				List<LocalDate> starts = new java.util.ArrayList<>();
				while (months.next()) {
					starts.add(months.getObject(1, LocalDate.class));
				}
				for (LocalDate start : starts) {
					createPartition(statement, start);
				}
			}
			storeLineage(statement);
			statement.executeUpdate("""
					insert into activity_line
					select s.job_id, s.source_sha256, s.source_row, s.line, s.kind, s.usage_type, s.quantity, s.unit,
					       s.period_start, s.period_end, s.provider, s.account_id, s.region, s.service,
					       s.service_category, s.charge_category, s.billed_cost, s.effective_cost, s.currency,
					       s.org_unit, s.tags, s.cost_only_reason, s.it_kwh, s.facility_kwh, s.co2e_location_kg,
					       s.co2e_market_kg, s.co2e_embodied_kg, s.water_onsite_l, s.water_offsite_l, s.scope,
					       s.quality, m.id
					from activity_stage s left join lineage_map m on m.local_id = s.lineage_id""");
		}
		return staged;
	}

	private static void createPartition(java.sql.Statement statement, LocalDate month) throws SQLException {
		String name = "activity_line_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
		statement.execute("create table if not exists " + name + " partition of activity_line for values from ('"
				+ month + " 00:00:00+00') to ('" + month.plusMonths(1) + " 00:00:00+00')");
	}

	private int lineageId(ImpactLine impact) {
		Integer known = this.lineage.get(impact.factors());
		if (known != null) {
			return known;
		}
		int local = this.lineageSamples.size();
		this.lineage.put(impact.factors(), local);
		this.lineageSamples.add(impact);
		return local;
	}

	/**
	 * Stores each distinct factor list once (shared across files) and maps the local
	 * numbers to ids.
	 */
	private void storeLineage(java.sql.Statement statement) throws SQLException {
		statement.execute("create temporary table lineage_map (local_id bigint primary key, id bigint not null)"
				+ " on commit drop");
		try (var insert = this.connection.prepareStatement("""
				with stored as (
				    insert into calculation_lineage (hash, method_version, factors) values (?, ?, ?::jsonb)
				    on conflict (hash) do update set hash = excluded.hash returning id)
				insert into lineage_map (local_id, id) select ?, id from stored""")) {
			for (int local = 0; local < this.lineageSamples.size(); local++) {
				ImpactLine impact = this.lineageSamples.get(local);
				String factors = IngestionJson.MAPPER.writeValueAsString(impact.factors());
				insert.setString(1, sha256(impact.methodVersion() + "|" + factors));
				insert.setString(2, impact.methodVersion());
				insert.setString(3, factors);
				insert.setLong(4, local);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private void appendCsv(@Nullable Object value) {
		if (value == null) {
			return;
		}
		String text = value.toString();
		boolean quote = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0;
		if (!quote) {
			this.buffer.append(text);
			return;
		}
		this.buffer.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				this.buffer.append('"');
			}
			this.buffer.append(c);
		}
		this.buffer.append('"');
	}

	private void flush() throws SQLException {
		if (this.buffer.isEmpty()) {
			return;
		}
		byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
		this.copy.writeToCopy(bytes, 0, bytes.length);
		this.buffer.setLength(0);
	}

	private static @Nullable String usageType(SourceLine line) {
		return (line.usage() == null) ? null : switch (line.usage()) {
			case org.greenledger.footprint.Usage.AcceleratorHours a -> "ACCELERATOR_HOURS";
			case org.greenledger.footprint.Usage.VcpuHours v -> "VCPU_HOURS";
			case org.greenledger.footprint.Usage.MemoryHours m -> "MEMORY_GB_HOURS";
			case org.greenledger.footprint.Usage.StorageHours s -> "STORAGE_TB_HOURS";
			case org.greenledger.footprint.Usage.NetworkTransfer n -> "NETWORK_GB";
			case org.greenledger.footprint.Usage.MeasuredEnergy e -> "ENERGY_KWH";
			case org.greenledger.footprint.Usage.Spend s -> "SPEND";
		};
	}

	private static @Nullable Double quantity(SourceLine line) {
		return (line.usage() == null) ? null : switch (line.usage()) {
			case org.greenledger.footprint.Usage.AcceleratorHours a -> a.hours().hours();
			case org.greenledger.footprint.Usage.VcpuHours v -> v.hours().hours();
			case org.greenledger.footprint.Usage.MemoryHours m -> m.size().gigabytes() * m.hours().hours();
			case org.greenledger.footprint.Usage.StorageHours s -> s.size().terabytes() * s.hours().hours();
			case org.greenledger.footprint.Usage.NetworkTransfer n -> n.transferred().gigabytes();
			case org.greenledger.footprint.Usage.MeasuredEnergy e -> e.energy().kilowattHours();
			case org.greenledger.footprint.Usage.Spend s -> s.amount().amount().doubleValue();
		};
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
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

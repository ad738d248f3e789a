package org.greenledger.providercarbon;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.core.table.InvalidFileException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a file's water allocations (in the job's transaction), replacing what earlier
 * uploads stored for the same provider, account and period (audited); an older model
 * version never replaces a newer one (the file is refused), as for carbon figures.
 */
@Component
class ProviderWaterStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog audit;

	ProviderWaterStore(JdbcClient jdbc, JdbcTemplate template, AuditLog audit) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
	}

	/** A provider, account and period: what one upload replaces of another. */
	private record Key(Provider provider, @Nullable String account, Date first, Date end) {

		String describe() {
			return this.provider.label() + " " + ((this.account != null) ? this.account : "(no account)") + " "
					+ this.first.toLocalDate() + " to " + this.end.toLocalDate().minusDays(1);
		}

	}

	List<Map<String, Object>> store(UUID job, String fileName, String format, String actor, List<WaterRecord> records) {
		Set<Key> keys = new LinkedHashSet<>();
		Map<Key, String> versions = new LinkedHashMap<>();
		List<Object[]> rows = new ArrayList<>();
		for (WaterRecord record : records) {
			Key key = new Key(record.provider(), record.account(), Date.valueOf(record.first().atDay(1)),
					Date.valueOf(record.end().atDay(1)));
			keys.add(key);
			versions.merge(key, java.util.Objects.toString(record.modelVersion(), ""),
					(a, b) -> (ModelVersions.compare(a, b) >= 0) ? a : b);
			rows.add(new Object[] { job, record.row(), record.provider().label(), format, record.account(),
					record.service(), record.region(), key.first(), key.end(), record.withdrawalLitres(),
					record.modelVersion() });
		}
		List<Map<String, Object>> notes = new ArrayList<>();
		for (Key key : keys) {
			String version = versions.get(key);
			replace(job, fileName, actor, key, (version == null || version.isEmpty()) ? null : version, notes);
		}
		this.template.batchUpdate("""
				insert into provider_water_line (job_id, row_number, provider, format, account, service, region,
				    period_start, period_end, withdrawal_litres, model_version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		return notes;
	}

	private void replace(UUID job, String fileName, String actor, Key key, @Nullable String version,
			List<Map<String, Object>> notes) {
		record Stored(UUID job, @Nullable String version, int lines) {
		}
		List<Stored> stored = this.jdbc.sql("""
				select job_id, max(model_version), count(*) from provider_water_line
				where provider = ? and account is not distinct from ? and period_start = ? and period_end = ?
				  and job_id <> ?
				group by 1""")
			.params(key.provider().label(), key.account(), key.first(), key.end(), job)
			.query((rs, row) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
			.list();
		for (Stored earlier : stored) {
			if (ModelVersions.compare(earlier.version(), version) > 0) {
				throw new InvalidFileException(fileName + ": it holds water model version " + version + " for "
						+ key.describe() + ", but version " + earlier.version()
						+ " is already stored; an older model version never replaces a newer one");
			}
		}
		for (Stored earlier : stored) {
			this.jdbc.sql("""
					delete from provider_water_line
					where provider = ? and account is not distinct from ? and period_start = ? and period_end = ?
					  and job_id = ?""")
				.params(key.provider().label(), key.account(), key.first(), key.end(), earlier.job())
				.update();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("provider", key.provider().label());
			details.put("account", key.account());
			details.put("from", key.first().toString());
			details.put("to", key.end().toLocalDate().minusDays(1).toString());
			details.put("replacedJob", earlier.job().toString());
			details.put("replacedModelVersion", earlier.version());
			details.put("modelVersion", version);
			details.put("lines", earlier.lines());
			details.put("file", fileName);
			this.audit.record(actor, "PROVIDER_WATER_REPLACED", "ingestion job " + job, details);
			Map<String, Object> note = new LinkedHashMap<>();
			note.put("note", "Replaced " + earlier.lines() + " water allocations of " + key.describe() + " from job "
					+ earlier.job() + " (model version " + earlier.version() + " by " + version + ")");
			note.put("provider", key.provider().label());
			note.put("account", key.account());
			note.put("replacedJob", earlier.job().toString());
			note.put("lines", earlier.lines());
			notes.add(note);
		}
	}

	/** Removes the jobs' water allocations. */
	void remove(java.util.Collection<java.util.UUID> jobs) {
		this.jdbc.sql("delete from provider_water_line where job_id = any(?)")
			.param(jobs.toArray(java.util.UUID[]::new))
			.update();
	}

}

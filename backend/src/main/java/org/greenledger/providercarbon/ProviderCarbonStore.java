package org.greenledger.providercarbon;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.periods.PeriodLockedException;
import org.greenledger.periods.PeriodLocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a file's provider-reported lines (in the job's transaction) and replaces what
 * earlier uploads stored for the same provider, account and month: a later upload of the
 * same or a newer model version replaces the earlier lines, recorded and audited; an
 * older model version never replaces a newer one (the file is refused). Within one file,
 * only the newest model version of each provider, account and month is kept.
 */
@Component
class ProviderCarbonStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog audit;

	private final Clock clock;

	private final FigureChoices choices;

	private final PeriodLocks locks;

	ProviderCarbonStore(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, Clock clock, FigureChoices choices,
			PeriodLocks locks) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
		this.clock = clock;
		this.choices = choices;
		this.locks = locks;
	}

	/** A provider, account and month: what one upload replaces of another. */
	record Key(Provider provider, @Nullable String account, YearMonth month) {
	}

	/**
	 * Stores the records of one file.
	 * @return notes for the job's report (one per replacement)
	 */
	List<Map<String, Object>> store(UUID job, String fileName, String format, String actor,
			List<ProviderRecord> records) {
		Map<Key, String> newest = new LinkedHashMap<>();
		for (ProviderRecord record : records) {
			newest.merge(key(record), Objects.toString(record.modelVersion(), ""),
					(a, b) -> (ModelVersions.compare(a, b) >= 0) ? a : b);
		}
		List<Map<String, Object>> notes = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		Map<Key, Integer> dropped = new LinkedHashMap<>();
		for (ProviderRecord record : records) {
			Key key = key(record);
			if (ModelVersions.compare(Objects.toString(record.modelVersion(), ""), newest.get(key)) < 0) {
				dropped.merge(key, record.figures().size(), Integer::sum);
				continue;
			}
			for (Figure figure : record.figures()) {
				rows.add(new Object[] { job, record.row(), record.provider().label(), format, record.billingAccount(),
						record.account(), record.service(), record.region(), Date.valueOf(record.month().atDay(1)),
						figure.scope(), figure.basis().name(), figure.kgCo2e(), record.modelVersion(),
						marketGiven(record) });
			}
		}
		dropped.forEach((key, lines) -> notes.add(note(key, "Kept only model version " + newest.get(key) + " of "
				+ describe(key) + " (" + lines + " figures of older versions in the file not stored)")));
		for (Key key : newest.keySet()) {
			requireUnreported(fileName, key);
		}
		for (Map.Entry<Key, String> entry : newest.entrySet()) {
			replace(job, fileName, actor, entry.getKey(), blankToNull(entry.getValue()), notes);
		}
		this.template.batchUpdate("""
				insert into provider_carbon_line (job_id, row_number, provider, format, billing_account, account,
				    service, region, month, scope, basis, kg_co2e, model_version, market_given)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		return notes;
	}

	private void replace(UUID job, String fileName, String actor, Key key, @Nullable String version,
			List<Map<String, Object>> notes) {
		record Stored(UUID job, @Nullable String version, int lines) {
		}
		List<Stored> stored = this.jdbc.sql("""
				select job_id, model_version, count(*) from provider_carbon_line
				where provider = ? and account is not distinct from ? and month = ? and job_id <> ?
				group by 1, 2""")
			.params(key.provider().label(), key.account(), Date.valueOf(key.month().atDay(1)), job)
			.query((rs, row) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
			.list();
		for (Stored earlier : stored) {
			if (ModelVersions.compare(earlier.version(), version) > 0) {
				throw new InvalidFileException(fileName + ": it holds model version " + version + " for "
						+ describe(key) + ", but version " + earlier.version()
						+ " is already stored; an older model version never replaces a newer one");
			}
		}
		for (Stored earlier : stored) {
			this.jdbc.sql("""
					delete from provider_carbon_line
					where provider = ? and account is not distinct from ? and month = ? and job_id = ?""")
				.params(key.provider().label(), key.account(), Date.valueOf(key.month().atDay(1)), earlier.job())
				.update();
			this.jdbc.sql("""
					insert into provider_carbon_replacement (job_id, replaced_job_id, provider, account, month,
					    replaced_version, version, lines, replaced_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(job, earlier.job(), key.provider().label(), key.account(), Date.valueOf(key.month().atDay(1)),
						earlier.version(), version, earlier.lines(), Timestamp.from(Instant.now(this.clock)))
				.update();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("provider", key.provider().label());
			details.put("account", key.account());
			details.put("month", key.month().toString());
			details.put("replacedJob", earlier.job().toString());
			details.put("replacedModelVersion", earlier.version());
			details.put("modelVersion", version);
			details.put("lines", earlier.lines());
			details.put("file", fileName);
			this.audit.record(actor, "PROVIDER_CARBON_REPLACED", "ingestion job " + job, details);
			Map<String, Object> note = note(key,
					"Replaced " + earlier.lines() + " provider-reported figures of " + describe(key) + " from job "
							+ earlier.job() + " (model version " + earlier.version() + " by " + version + ")");
			note.put("replacedJob", earlier.job().toString());
			note.put("lines", earlier.lines());
			notes.add(note);
		}
	}

	/**
	 * Refuses figures of a month whose inventory reports the provider's figure in an
	 * approved (locked) reporting period: they would change an approved inventory.
	 */
	private void requireUnreported(String fileName, Key key) {
		if (!this.choices.providerChosen(key.provider(), key.month())) {
			return;
		}
		try {
			this.locks.requireUnlocked(key.month().atDay(1), key.month().atEndOfMonth(), fileName + ": its figures of "
					+ describe(key) + " (the inventory reports the provider's figure for that month)");
		}
		catch (PeriodLockedException ex) {
			throw new InvalidFileException(ex.getMessage());
		}
	}

	/**
	 * Whether the row's market-based total is known: it gives a market-based figure, or
	 * only single figures (which count under both bases).
	 */
	private static boolean marketGiven(ProviderRecord record) {
		return record.marketGiven() || record.figures().stream().noneMatch(figure -> figure.basis() == Basis.LOCATION);
	}

	private static Map<String, Object> note(Key key, String text) {
		Map<String, Object> note = new LinkedHashMap<>();
		note.put("note", text);
		note.put("provider", key.provider().label());
		note.put("account", key.account());
		note.put("month", key.month().toString());
		return note;
	}

	private static Key key(ProviderRecord record) {
		return new Key(record.provider(), record.account(), record.month());
	}

	private static String describe(Key key) {
		return key.provider().label() + " " + ((key.account() != null) ? key.account() : "(no account)") + " "
				+ key.month();
	}

	private static @Nullable String blankToNull(String text) {
		return text.isEmpty() ? null : text;
	}

	/** Removes the jobs' lines and the replacements they made or suffered. */
	void remove(java.util.Collection<UUID> jobs) {
		UUID[] ids = jobs.toArray(UUID[]::new);
		this.jdbc.sql("delete from provider_carbon_replacement where job_id = any(?) or replaced_job_id = any(?)")
			.params(ids, ids)
			.update();
		this.jdbc.sql("delete from provider_carbon_line where job_id = any(?)").param(ids).update();
	}

}

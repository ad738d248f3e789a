package org.greenledger.periods;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Answers whether dates are locked by an approved reporting period, for every module that
 * changes reported data. The check runs inside the caller's transaction. The database
 * refuses such a change too (triggers of migration V13, SQLSTATE {@value #SQL_STATE});
 * {@link #refusal(Throwable, String)} turns that refusal into the same message.
 * <p>
 * A write that checks holds a shared transaction lock until it commits, and an approval
 * takes it exclusively: a period cannot be approved between a write's check and its
 * commit (the approval waits for the write), and a write that checks after an approval
 * sees it.
 */
@Service
public class PeriodLocks {

	/** The SQLSTATE the database's lock triggers raise. */
	public static final String SQL_STATE = "GL423";

	private static final Pattern PERIOD_ID = Pattern
		.compile("period-locked ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

	/** The advisory lock writers share and an approval takes alone. */
	private static final String GUARD = "select %s(hashtext('greenledger reporting period locks'))";

	private final JdbcClient jdbc;

	PeriodLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Holds the writers' lock until the transaction ends. */
	private void shared() {
		this.jdbc.sql(GUARD.formatted("pg_advisory_xact_lock_shared")).query().singleRow();
	}

	/**
	 * Waits for the writers that checked, and keeps new ones out until the transaction
	 * ends.
	 */
	static void exclusive(JdbcClient jdbc) {
		jdbc.sql(GUARD.formatted("pg_advisory_xact_lock")).query().singleRow();
	}

	/**
	 * The locked period overlapping {@code from} to {@code to} (both included), if any.
	 */
	public Optional<ReportingPeriod> lockedOverlapping(LocalDate from, LocalDate to) {
		shared();
		return this.jdbc.sql("""
				select * from reporting_period
				where status = 'APPROVED' and superseded_by is null and period_start <= ? and period_end >= ?
				order by period_start limit 1""").params(to, from).query(ReportingPeriods::period).optional();
	}

	/** Every locked period (approved, not restated), oldest dates first. */
	public List<ReportingPeriod> locked() {
		shared();
		return this.jdbc.sql("""
				select * from reporting_period where status = 'APPROVED' and superseded_by is null
				order by period_start""").query(ReportingPeriods::period).list();
	}

	/**
	 * Refuses a change of the dates {@code from} to {@code to} (open ends: null) that a
	 * locked period overlaps.
	 * @param change what the change is, for the message ("Uploading march.csv")
	 * @throws PeriodLockedException (409) naming the period
	 */
	public void requireUnlocked(@Nullable LocalDate from, @Nullable LocalDate to, String change) {
		Optional<ReportingPeriod> locked = lockedOverlapping((from != null) ? from : LocalDate.of(1, 1, 1),
				(to != null) ? to : LocalDate.of(9999, 12, 31));
		if (locked.isPresent()) {
			throw new PeriodLockedException(locked.get(), change);
		}
	}

	/**
	 * Refuses a change that touches any of the given dates (a write's removals, which
	 * need not be contiguous) when a locked period holds one of them.
	 * @param change what the change is, for the message
	 * @throws PeriodLockedException (409) naming the period and the first locked date
	 */
	public void requireUnlocked(Collection<LocalDate> dates, String change) {
		if (dates.isEmpty()) {
			return;
		}
		List<ReportingPeriod> locked = locked();
		dates.stream()
			.sorted()
			.forEach(date -> locked.stream()
				.filter(period -> period.covers(date, date))
				.findFirst()
				.ifPresent(period -> {
					throw new PeriodLockedException(period, change.replace("{date}", date.toString()));
				}));
	}

	/**
	 * The database's refusal of a change in a locked period (anywhere in the causes of
	 * {@code failure}), as the same exception the application check throws, naming the
	 * period; empty for any other failure. Call it after the failed transaction ended
	 * (the period is read in a new statement).
	 * @param change what the change was, for the message
	 */
	public Optional<PeriodLockedException> refusal(Throwable failure, String change) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState()) && sql.getMessage() != null) {
				Matcher matcher = PERIOD_ID.matcher(sql.getMessage());
				if (matcher.find()) {
					return this.jdbc.sql("select * from reporting_period where id = ?")
						.param(UUID.fromString(matcher.group(1)))
						.query(ReportingPeriods::period)
						.optional()
						.map(period -> new PeriodLockedException(period, change));
				}
			}
		}
		return Optional.empty();
	}

}

package org.greenledger.inventory;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Answers whether dates are locked by an approved reporting period, for every module that
 * changes reported data. The check runs inside the caller's transaction.
 */
@Service
public class PeriodLocks {

	private final JdbcClient jdbc;

	PeriodLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The locked period overlapping {@code from} to {@code to} (both included), if any.
	 */
	public Optional<ReportingPeriod> lockedOverlapping(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select * from reporting_period
				where status = 'APPROVED' and superseded_by is null and period_start <= ? and period_end >= ?
				order by period_start limit 1""").params(to, from).query(ReportingPeriods::period).optional();
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

}

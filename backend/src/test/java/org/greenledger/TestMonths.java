package org.greenledger;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;

import org.greenledger.ledger.FootprintQuery;

/**
 * Months and years for tests whose figures must be theirs alone on the suite's persistent
 * database: none of them holds activity lines (checked with the footprint API, so earlier
 * runs count) and none was handed to another test of this run.
 */
public final class TestMonths {

	private static final int MAX_ATTEMPTS = 200;

	private static final Set<YearMonth> handedOut = new HashSet<>();

	private TestMonths() {
	}

	/** A month of 2100-2999 with its two months before and three after unused. */
	public static synchronized YearMonth unusedMonth(HttpTestClient http) {
		return unusedMonth(overApi(http));
	}

	/**
	 * A month as {@link #unusedMonth(HttpTestClient)}, checked with the ledger's
	 * footprint query (for tests that start no web server).
	 */
	public static synchronized YearMonth unusedMonth(FootprintQuery footprint) {
		return unusedMonth(overQuery(footprint));
	}

	private static YearMonth unusedMonth(BiPredicate<YearMonth, YearMonth> empty) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			YearMonth month = YearMonth.of(ThreadLocalRandom.current().nextInt(2100, 3000),
					1 + ThreadLocalRandom.current().nextInt(12));
			if (take(empty, month.minusMonths(2), month.plusMonths(3))) {
				return month;
			}
		}
		throw exhausted();
	}

	/**
	 * A year of 2100-2999 with the year before it and the three after it unused as well
	 * (a target's trajectory runs from its base year to three years later and expects no
	 * figures in the years nobody wrote).
	 */
	public static synchronized int unusedYear(HttpTestClient http) {
		return unusedYear(overApi(http));
	}

	/**
	 * A year as {@link #unusedYear(HttpTestClient)}, checked with the ledger's footprint
	 * query (for tests that start no web server).
	 */
	public static synchronized int unusedYear(FootprintQuery footprint) {
		return unusedYear(overQuery(footprint));
	}

	private static int unusedYear(BiPredicate<YearMonth, YearMonth> empty) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			int year = ThreadLocalRandom.current().nextInt(2100, 3000);
			if (take(empty, YearMonth.of(year - 1, 1), YearMonth.of(year + 3, 12))) {
				return year;
			}
		}
		throw exhausted();
	}

	private static IllegalStateException exhausted() {
		return new IllegalStateException("No unused test year left after " + MAX_ATTEMPTS
				+ " attempts: the test database holds too many earlier runs; delete backend/target/test-postgres");
	}

	private static BiPredicate<YearMonth, YearMonth> overApi(HttpTestClient http) {
		return (first, last) -> http
			.get("/api/v1/footprint?from=" + first.atDay(1) + "&to=" + last.atEndOfMonth(), MeasuredUploads.admin())
			.body()
			.contains("\"groups\":[]");
	}

	private static BiPredicate<YearMonth, YearMonth> overQuery(FootprintQuery footprint) {
		return (first, last) -> footprint.query(first.atDay(1), last.atEndOfMonth(), Optional.empty()).isEmpty();
	}

	private static boolean take(BiPredicate<YearMonth, YearMonth> empty, YearMonth first, YearMonth last) {
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			if (handedOut.contains(month)) {
				return false;
			}
		}
		if (!empty.test(first, last)) {
			return false;
		}
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			handedOut.add(month);
		}
		return true;
	}

}

package org.greenledger.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.greenledger.ledger.BillingPeriodOverlaps.Overlapping;

/**
 * Attribute combinations, each with the months it overlaps in (those of a new file's
 * providers and accounts, or those of one earlier job that a replacement reaches), as a
 * condition on a table's rows ({@link #condition}).
 */
final class OverlapCombinations {

	private final Map<Long, SortedSet<LocalDate>> months = new LinkedHashMap<>();

	private final Map<List<Object>, Overlapping> overlapping = new HashMap<>();

	void add(long dimension, Overlapping each) {
		add(dimension, each.month());
		this.overlapping.put(List.of(dimension, each.month()), each);
	}

	/** A combination in a month (the first day), without an overlap to map it back to. */
	void add(long dimension, LocalDate month) {
		this.months.computeIfAbsent(dimension, key -> new TreeSet<>()).add(month);
	}

	boolean isEmpty() {
		return this.months.isEmpty();
	}

	/** The overlap a combination's month belongs to. */
	Overlapping overlapping(long dimension, LocalDate month) {
		return this.overlapping.get(List.of(dimension, month));
	}

	/**
	 * A condition that holds for a row of an overlapping combination and month: for each
	 * set of months, whether the row's combination is one of those overlapping in exactly
	 * these months and its month one of them. The numbers and dates are written into the
	 * SQL as constant arrays (they come from the database, never from input), which
	 * PostgreSQL looks a row up in by hash: the rows are read once, in their order.
	 * Joined with the same pairs as parameters instead, PostgreSQL estimated the join
	 * without statistics, sorted 2,000,000 lines by combination and deleted them out of
	 * their order, page by page through its buffers (22 s against 4 s for four months of
	 * 120 accounts).
	 * @param dimension the row's combination column
	 * @param month the row's month (its first day) as an SQL expression
	 */
	String condition(String dimension, String month) {
		Map<SortedSet<LocalDate>, List<Long>> byMonths = new LinkedHashMap<>();
		this.months.forEach((each, its) -> byMonths.computeIfAbsent(its, key -> new ArrayList<>()).add(each));
		return byMonths.entrySet()
			.stream()
			.map(group -> "(" + dimension + " = any('" + array(group.getValue()) + "'::bigint[]) and " + month
					+ " = any('" + array(group.getKey()) + "'::date[]))")
			.collect(Collectors.joining(" or ", "(", ")"));
	}

	private static String array(Collection<?> values) {
		return values.stream().map(Object::toString).collect(Collectors.joining(",", "{", "}"));
	}

}

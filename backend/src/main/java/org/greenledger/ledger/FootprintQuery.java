package org.greenledger.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.greenledger.security.OrgUnitScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Totals of the ingested activity rows for a period, optionally grouped, read from the
 * day and month sums that every load and replacement maintains.
 */
@Service
public class FootprintQuery {

	/** The groupings besides {@code tag:<key>}; each but month is a rollup attribute. */
	private static final java.util.Set<String> GROUPS = java.util.Set.of("provider", "region", "service", "account",
			"month", "scope", "orgUnit");

	private final JdbcClient jdbc;

	FootprintQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether {@code groupBy} names a grouping this query supports. */
	public static boolean supports(String groupBy) {
		return GROUPS.contains(groupBy) || (groupBy.startsWith("tag:") && groupBy.length() > 4);
	}

	/** The supported groupings (besides {@code tag:<key>}). */
	public static java.util.Set<String> groupings() {
		return new java.util.TreeSet<>(GROUPS);
	}

	/**
	 * Reads the rollups, not the activity rows: whole months of the period from the month
	 * sums, the days of partial months at either end from the day sums.
	 * @param from first day (UTC), inclusive
	 * @param to last day (UTC), inclusive
	 * @param groupBy one of {@link #groupings()} or {@code tag:<key>}, or empty for the
	 * total only
	 * @return the groups (a single group "total" when not grouped)
	 */
	public List<Group> query(LocalDate from, LocalDate to, Optional<String> groupBy) {
		String group = groupBy.orElse("total");
		if (group.startsWith("tag:")) {
			return byTag(from, to, group);
		}
		boolean byMonth = group.equals("month");
		return run(byMonth ? "to_char(r.day, 'YYYY-MM')" : "r.value",
				(byMonth || group.equals("total")) ? "total" : group, from, to);
	}

	/**
	 * The sums of the org units in the scope: all sums when unrestricted, otherwise those
	 * of the scope's units only (tag groupings are then not available).
	 */
	public List<Group> query(LocalDate from, LocalDate to, Optional<String> groupBy, OrgUnitScope scope) {
		return query(from, to, groupBy, LedgerFilter.ALL.within(scope));
	}

	/** Whether a grouping is available for sums restricted to org units. */
	public static boolean supportsForOrgUnits(String groupBy) {
		return GROUPS.contains(groupBy);
	}

	/**
	 * The same sums for the lines the filter selects, read from the sums per attribute
	 * combination (the per-attribute sums cannot be combined with a filter). Tag
	 * groupings are available only without a filter.
	 */
	public List<Group> query(LocalDate from, LocalDate to, Optional<String> groupBy, LedgerFilter filter) {
		if (filter.isAll()) {
			return query(from, to, groupBy);
		}
		String group = groupBy.orElse("total");
		String expression = switch (group) {
			case "total" -> "'total'";
			case "month" -> "to_char(r.day, 'YYYY-MM')";
			case "provider" -> "d.provider";
			case "region" -> "d.region";
			case "service" -> "d.service";
			case "account" -> "d.account_id";
			case "scope" -> "d.scope";
			case "orgUnit" -> "d.org_unit";
			default -> throw new IllegalArgumentException("Grouping " + group + " is not available with a filter");
		};
		List<Object> params = new ArrayList<>(periodDates(from, to));
		String condition = filter.condition(params);
		String sql = """
				select coalesce(%s, '%s') as grp, coalesce(d.currency, '') as currency, %s
				from (select dimension_id, quality, row_count, it_kwh, facility_kwh, co2e_location_kg, co2e_market_kg,
				             co2e_embodied_kg, water_onsite_l, water_offsite_l, billed_cost, month as day
				      from footprint_rollup_month where month >= ? and month < ?
				      union all
				      select dimension_id, quality, row_count, it_kwh, facility_kwh, co2e_location_kg, co2e_market_kg,
				             co2e_embodied_kg, water_onsite_l, water_offsite_l, billed_cost, day
				      from footprint_rollup_day where (day >= ? and day < ? or day >= ? and day <= ?)) r
				join activity_dimension d on d.id = r.dimension_id
				where %s
				group by 1, 2 order by 1, 2""".formatted(expression, NONE, SUMS, condition);
		return run(sql, params);
	}

	/** The latest month with activity lines, if any. */
	public Optional<java.time.YearMonth> latestMonth() {
		return this.jdbc.sql("select max(month) from footprint_rollup_month")
			.query((rs, row) -> rs.getDate(1))
			.optional()
			.map(date -> java.time.YearMonth.from(date.toLocalDate()));
	}

	/**
	 * The distinct values of an attribute (provider, region, service, account, orgUnit,
	 * scope) in the period.
	 */
	public List<String> values(LocalDate from, LocalDate to, String attribute) {
		List<Object> params = periodParams(from, to, attribute);
		return this.jdbc.sql("select distinct value from (%s) r order by 1".formatted(periodRows()))
			.params(params)
			.query(String.class)
			.list();
	}

	/**
	 * Groups by the values of one tag key; rows without the key are the difference
	 * between the totals and the tagged sums.
	 */
	private List<Group> byTag(LocalDate from, LocalDate to, String attribute) {
		List<Group> tagged = run("r.value", attribute, from, to);
		Group untagged = new Group(UNTAGGED);
		run("r.value", "total", from, to).forEach(untagged::plus);
		tagged.forEach(untagged::minus);
		List<Group> groups = new ArrayList<>(tagged);
		if (untagged.rows > 0) {
			groups.add(untagged);
		}
		groups.sort(java.util.Comparator.comparing(Group::key));
		return groups;
	}

	private List<Group> run(String expression, String attribute, LocalDate from, LocalDate to) {
		String sql = """
				select %s as grp, r.currency, %s
				from (%s) r group by 1, 2 order by 1, 2""".formatted(expression, SUMS, periodRows());
		return run(sql, periodParams(from, to, attribute));
	}

	/** Rows of the day and month attribute sums covering the period without overlap. */
	private static String periodRows() {
		return """
				select value, currency, quality, row_count, it_kwh, facility_kwh, co2e_location_kg, co2e_market_kg,
				       co2e_embodied_kg, water_onsite_l, water_offsite_l, billed_cost, month as day
				from footprint_rollup_attribute_month where attribute = ? and month >= ? and month < ?
				union all
				select value, currency, quality, row_count, it_kwh, facility_kwh, co2e_location_kg, co2e_market_kg,
				       co2e_embodied_kg, water_onsite_l, water_offsite_l, billed_cost, day
				from footprint_rollup_attribute_day where attribute = ? and (day >= ? and day < ? or day >= ? and day <= ?)""";
	}

	/**
	 * {@link #periodDates} with the attribute before the month dates and the day dates.
	 */
	private static List<Object> periodParams(LocalDate from, LocalDate to, String attribute) {
		List<Object> dates = periodDates(from, to);
		return List.of(attribute, dates.get(0), dates.get(1), attribute, dates.get(2), dates.get(3), dates.get(4),
				dates.get(5));
	}

	/**
	 * The whole months inside the period (from, to exclusive), and the days of the
	 * partial months: from the first day to the first whole month, and from after the
	 * last whole month to the last day.
	 */
	private static List<Object> periodDates(LocalDate from, LocalDate to) {
		LocalDate wholeFrom = (from.getDayOfMonth() == 1) ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate wholeTo = to.plusDays(1).withDayOfMonth(1);
		if (wholeTo.isBefore(wholeFrom)) {
			wholeTo = wholeFrom;
		}
		return List.of(Date.valueOf(wholeFrom), Date.valueOf(wholeTo), Date.valueOf(from),
				Date.valueOf(wholeFrom.isAfter(to) ? to.plusDays(1) : wholeFrom),
				Date.valueOf(wholeTo.isBefore(from) ? from : wholeTo), Date.valueOf(to));
	}

	private List<Group> run(String sql, List<Object> params) {
		Map<String, Group> groups = new LinkedHashMap<>();
		this.jdbc.sql(sql).params(params).query(rs -> {
			Group group = groups.computeIfAbsent(rs.getString("grp"), Group::new);
			group.rows += rs.getLong("row_count");
			group.add(rs.getDouble("it"), rs.getDouble("facility"), rs.getDouble("location"), rs.getDouble("market"),
					rs.getDouble("embodied"), rs.getDouble("onsite"), rs.getDouble("offsite"),
					new double[] { rs.getDouble("q1"), rs.getDouble("q2"), rs.getDouble("q3"), rs.getDouble("q4"),
							rs.getDouble("q5") });
			group.cost.merge(rs.getString("currency"), rs.getBigDecimal("cost"), BigDecimal::add);
		});
		return List.copyOf(groups.values());
	}

	private static final String UNTAGGED = "(untagged)";

	/** The group key of lines without a value for the grouping. */
	public static final String NONE = "(none)";

	private static final String SUMS = """
			sum(r.row_count) row_count, sum(r.it_kwh) it, sum(r.facility_kwh) facility,
			sum(r.co2e_location_kg) location, sum(r.co2e_market_kg) market, sum(r.co2e_embodied_kg) embodied,
			sum(r.water_onsite_l) onsite, sum(r.water_offsite_l) offsite, sum(r.billed_cost) cost,
			sum(r.co2e_location_kg) filter (where r.quality = 1) q1,
			sum(r.co2e_location_kg) filter (where r.quality = 2) q2,
			sum(r.co2e_location_kg) filter (where r.quality = 3) q3,
			sum(r.co2e_location_kg) filter (where r.quality = 4) q4,
			sum(r.co2e_location_kg) filter (where r.quality = 5) q5""";

	/** One group's totals. */
	public static final class Group {

		private final String key;

		private double itKwh;

		private double facilityKwh;

		private double locationKg;

		private double marketKg;

		private double embodiedKg;

		private double onSiteLiters;

		private double offSiteLiters;

		private final double[] quality = new double[5];

		private long rows;

		private final Map<String, BigDecimal> cost = new LinkedHashMap<>();

		Group(String key) {
			this.key = key;
		}

		void add(double it, double facility, double location, double market, double embodied, double onSite,
				double offSite, double[] byTier) {
			this.itKwh += it;
			this.facilityKwh += facility;
			this.locationKg += location;
			this.marketKg += market;
			this.embodiedKg += embodied;
			this.onSiteLiters += onSite;
			this.offSiteLiters += offSite;
			for (int i = 0; i < 5; i++) {
				this.quality[i] += byTier[i];
			}
		}

		private void plus(Group other) {
			combine(other, 1);
		}

		private void minus(Group other) {
			combine(other, -1);
		}

		private void combine(Group other, int sign) {
			this.rows += sign * other.rows;
			double[] tiers = new double[5];
			for (int i = 0; i < 5; i++) {
				tiers[i] = sign * other.quality[i];
			}
			add(sign * other.itKwh, sign * other.facilityKwh, sign * other.locationKg, sign * other.marketKg,
					sign * other.embodiedKg, sign * other.onSiteLiters, sign * other.offSiteLiters, tiers);
			other.cost.forEach((currency, amount) -> this.cost.merge(currency, (sign > 0) ? amount : amount.negate(),
					BigDecimal::add));
		}

		public String key() {
			return this.key;
		}

		/** The number of activity lines summed. */
		public long rows() {
			return this.rows;
		}

		public double itKwh() {
			return this.itKwh;
		}

		public double facilityKwh() {
			return this.facilityKwh;
		}

		public double locationKg() {
			return this.locationKg;
		}

		public double marketKg() {
			return this.marketKg;
		}

		public double embodiedKg() {
			return this.embodiedKg;
		}

		public double onSiteLiters() {
			return this.onSiteLiters;
		}

		public double offSiteLiters() {
			return this.offSiteLiters;
		}

		public Map<String, BigDecimal> cost() {
			return this.cost;
		}

		/** Share of location-based CO2e per data-quality tier (1..5). */
		public Map<Integer, Double> qualityShares() {
			Map<Integer, Double> shares = new LinkedHashMap<>();
			for (int i = 0; i < 5; i++) {
				shares.put(i + 1, (this.locationKg > 0) ? this.quality[i] / this.locationKg : 0);
			}
			return shares;
		}

	}

}

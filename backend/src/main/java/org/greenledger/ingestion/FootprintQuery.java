package org.greenledger.ingestion;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Totals of the ingested activity lines for a period, optionally grouped. Aggregates the
 * lines directly (rollup tables for very large volumes are not built yet).
 */
@Service
public class FootprintQuery {

	/**
	 * The groupings and the SQL expression each groups by (never built from user text).
	 */
	private static final Map<String, String> GROUPS = Map.of("provider", "coalesce(provider, '(none)')", "region",
			"coalesce(region, '(none)')", "service", "coalesce(service, '(none)')", "account",
			"coalesce(account_id, '(none)')", "month", "to_char(period_start at time zone 'UTC', 'YYYY-MM')", "scope",
			"coalesce(scope, '(cost only)')", "orgUnit", "coalesce(org_unit, '(none)')");

	private final JdbcClient jdbc;

	FootprintQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether {@code groupBy} names a grouping this query supports. */
	public static boolean supports(String groupBy) {
		return GROUPS.containsKey(groupBy) || (groupBy.startsWith("tag:") && groupBy.length() > 4);
	}

	/** The supported groupings (besides {@code tag:<key>}). */
	public static java.util.Set<String> groupings() {
		return new java.util.TreeSet<>(GROUPS.keySet());
	}

	/**
	 * @param groupBy one of {@link #GROUPS}' keys or {@code tag:<key>}, or null for the
	 * total only
	 * @return the groups (a single group "total" when not grouped)
	 */
	public List<Group> query(LocalDate from, LocalDate to, Optional<String> groupBy) {
		String expression = "'total'";
		List<Object> params = new ArrayList<>();
		if (groupBy.isPresent()) {
			String group = groupBy.get();
			if (group.startsWith("tag:")) {
				expression = "coalesce(tags ->> ?, '(untagged)')";
				params.add(group.substring(4));
			}
			else {
				expression = GROUPS.get(group);
			}
		}
		params.add(Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
		params.add(Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
		String sql = """
				select %s as grp, coalesce(currency, '(none)') as currency,
				       sum(it_kwh) it, sum(facility_kwh) facility, sum(co2e_location_kg) location,
				       sum(co2e_market_kg) market, sum(co2e_embodied_kg) embodied, sum(water_onsite_l) onsite,
				       sum(water_offsite_l) offsite, sum(billed_cost) cost,
				       sum(case when quality = 1 then co2e_location_kg end) q1,
				       sum(case when quality = 2 then co2e_location_kg end) q2,
				       sum(case when quality = 3 then co2e_location_kg end) q3,
				       sum(case when quality = 4 then co2e_location_kg end) q4,
				       sum(case when quality = 5 then co2e_location_kg end) q5
				from activity_line
				where period_start >= ? and period_start < ?
				group by 1, 2 order by 1, 2""".formatted(expression);
		Map<String, Group> groups = new LinkedHashMap<>();
		this.jdbc.sql(sql).params(params).query(rs -> {
			Group group = groups.computeIfAbsent(rs.getString("grp"), Group::new);
			group.add(rs.getDouble("it"), rs.getDouble("facility"), rs.getDouble("location"), rs.getDouble("market"),
					rs.getDouble("embodied"), rs.getDouble("onsite"), rs.getDouble("offsite"),
					new double[] { rs.getDouble("q1"), rs.getDouble("q2"), rs.getDouble("q3"), rs.getDouble("q4"),
							rs.getDouble("q5") });
			group.cost.merge(rs.getString("currency"), rs.getBigDecimal("cost"), BigDecimal::add);
		});
		return List.copyOf(groups.values());
	}

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

		public String key() {
			return this.key;
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

package org.greenledger.providercarbon;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums of the provider-reported lines by provider, month, account, service, region or
 * scope, over the months whose first day lies in a period, with the water the provider
 * allocates (per calendar year, so by provider, account, service or region only).
 */
@Component
public class ProviderCarbonQuery {

	/** The groupings, each with its SQL expression. */
	private static final Map<String, String> GROUPS = Map.of("provider", "provider", "month",
			"to_char(month, 'YYYY-MM')", "account", "account", "service", "service", "region", "region", "scope",
			"scope", "total", "'total'");

	/** The group key of lines without a value for the grouping. */
	public static final String NONE = "(none)";

	private final JdbcClient jdbc;

	ProviderCarbonQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The supported groupings. */
	public static Set<String> groupings() {
		Set<String> names = new TreeSet<>(GROUPS.keySet());
		names.remove("total");
		return names;
	}

	/**
	 * The groupings water allocations have (they are per calendar year and scope-less).
	 */
	private static final Set<String> WATER_GROUPS = Set.of("provider", "account", "service", "region", "total");

	/**
	 * One group's sums.
	 *
	 * @param lines the provider-reported carbon lines summed
	 * @param water the water the provider allocates to the group's usage, or null when it
	 * gives none
	 */
	public record Group(String key, long lines, List<String> providers, List<String> modelVersions,
			ProviderFigures kgCo2e, @Nullable Water water) {
	}

	/**
	 * Water withdrawals the provider allocates (AWS Sustainability API), summed over the
	 * allocations whose whole period lies in the query's.
	 *
	 * @param withdrawalLitres water withdrawn, in litres
	 * @param periods the allocations' periods ({@code 2025-01-01/2025-12-31})
	 * @param modelVersions the water model versions
	 */
	public record Water(BigDecimal withdrawalLitres, List<String> periods, List<String> modelVersions) {
	}

	private static final ProviderFigures NO_FIGURES = new ProviderFigures(null, null, null, null, null, null, null);

	/**
	 * The carbon figures and, for the groupings that have it, the water allocated
	 * ({@link Group#water()}); a group with water only has no carbon figures (nulls).
	 * @param from first day (the months whose first day is in the period count; a water
	 * allocation counts when its whole period is in it)
	 * @param to last day, inclusive
	 * @param groupBy one of {@link #groupings()}, or empty for the total
	 * @param provider only this provider's lines, or all
	 */
	public List<Group> query(LocalDate from, LocalDate to, Optional<String> groupBy, Optional<Provider> provider) {
		List<Group> carbon = carbon(from, to, groupBy, provider);
		String grouping = groupBy.orElse("total");
		if (!WATER_GROUPS.contains(grouping)) {
			return carbon;
		}
		Map<String, Group> water = water(from, to, GROUPS.get(grouping), provider);
		if (water.isEmpty()) {
			return carbon;
		}
		List<Group> groups = new ArrayList<>();
		for (Group group : carbon) {
			Group allocated = water.remove(group.key());
			groups.add((allocated == null) ? group : new Group(group.key(), group.lines(), group.providers(),
					group.modelVersions(), group.kgCo2e(), allocated.water()));
		}
		groups.addAll(water.values());
		groups.sort(java.util.Comparator.comparing(Group::key));
		return groups;
	}

	private Map<String, Group> water(LocalDate from, LocalDate to, String expression, Optional<Provider> provider) {
		List<Object> params = new ArrayList<>(
				List.of(Date.valueOf(from.withDayOfMonth(1)), Date.valueOf(to.plusDays(1))));
		String providerCondition = "";
		if (provider.isPresent()) {
			providerCondition = " and provider = ?";
			params.add(provider.get().label());
		}
		String sql = """
				select coalesce(%s, '%s') grp, string_agg(distinct provider, ',') providers,
				       sum(withdrawal_litres) litres,
				       string_agg(distinct to_char(period_start, 'YYYY-MM-DD') || '/'
				           || to_char(period_end - 1, 'YYYY-MM-DD'), ',') periods,
				       string_agg(distinct model_version, ',') versions
				from provider_water_line
				where period_start >= ? and period_end <= ?%s
				group by 1 order by 1""".formatted(expression, NONE, providerCondition);
		Map<String, Group> groups = new java.util.LinkedHashMap<>();
		this.jdbc.sql(sql).params(params).query((rs, row) -> {
			String key = rs.getString("grp");
			groups.put(key, new Group(key, 0, split(rs.getString("providers")), List.of(), NO_FIGURES, new Water(
					rs.getBigDecimal("litres"), split(rs.getString("periods")), split(rs.getString("versions")))));
			return key;
		}).list();
		return groups;
	}

	/**
	 * The carbon figures only ({@link Group#water()} null).
	 * @param from first day (the months whose first day is in the period count)
	 * @param to last day, inclusive
	 * @param groupBy one of {@link #groupings()}, or empty for the total
	 * @param provider only this provider's lines, or all
	 */
	List<Group> carbon(LocalDate from, LocalDate to, Optional<String> groupBy, Optional<Provider> provider) {
		return carbon(from, to, groupBy, provider, null, null);
	}

	/**
	 * One provider's carbon figures by service inside one group of another grouping
	 * (account, region; for a month, the period is that month's).
	 * @param dimension {@code account} or {@code region}, or null for every line
	 * @param key the group's key in that grouping
	 */
	List<Group> byService(LocalDate from, LocalDate to, Provider provider, @Nullable String dimension,
			@Nullable String key) {
		return carbon(from, to, Optional.of("service"), Optional.of(provider), dimension, key);
	}

	private List<Group> carbon(LocalDate from, LocalDate to, Optional<String> groupBy, Optional<Provider> provider,
			@Nullable String dimension, @Nullable String key) {
		String expression = GROUPS.get(groupBy.orElse("total"));
		if (expression == null) {
			throw new IllegalArgumentException("Unknown grouping " + groupBy.orElse(""));
		}
		List<Object> params = new ArrayList<>(List.of(Date.valueOf(from.withDayOfMonth(1)), Date.valueOf(to)));
		String providerCondition = "";
		if (provider.isPresent()) {
			providerCondition = " and provider = ?";
			params.add(provider.get().label());
		}
		if (dimension != null && key != null) {
			String column = GROUPS.get(dimension);
			if (column == null || dimension.equals("month") || dimension.equals("total")) {
				throw new IllegalArgumentException("Unknown dimension " + dimension);
			}
			providerCondition += " and coalesce(" + column + ", '" + NONE + "') = ?";
			params.add(key);
		}
		String sql = """
				select coalesce(%s, '%s') grp, count(*) lines,
				       string_agg(distinct provider, ',') providers, string_agg(distinct model_version, ',') versions,
				       bool_and(market_given) market_given,
				       bool_or(scope like '%%+%%' and scope like '%%1%%') sum1,
				       bool_or(scope like '%%+%%' and scope like '%%2%%') sum2,
				       bool_or(scope like '%%+%%' and scope like '%%3%%') sum3,
				       sum(kg_co2e) filter (where scope = '1') s1,
				       sum(kg_co2e) filter (where scope = '2' and basis <> 'MARKET') s2l,
				       sum(kg_co2e) filter (where scope = '2' and basis <> 'LOCATION') s2m,
				       sum(kg_co2e) filter (where scope = '3' and basis <> 'MARKET') s3l,
				       sum(kg_co2e) filter (where scope = '3' and basis <> 'LOCATION') s3m,
				       sum(kg_co2e) filter (where basis <> 'MARKET') tl,
				       sum(kg_co2e) filter (where basis <> 'LOCATION') tm
				from provider_carbon_line
				where month >= ? and month <= ?%s
				group by 1 order by 1""".formatted(expression, NONE, providerCondition);
		return this.jdbc.sql(sql).params(params).query((rs, row) -> group(rs)).list();
	}

	private static Group group(ResultSet rs) throws SQLException {
		boolean market = rs.getBoolean("market_given");
		ProviderFigures figures = new ProviderFigures(unless(rs.getBoolean("sum1"), rs.getBigDecimal("s1")),
				unless(rs.getBoolean("sum2"), rs.getBigDecimal("s2l")),
				unless(rs.getBoolean("sum2") || !market, rs.getBigDecimal("s2m")),
				unless(rs.getBoolean("sum3"), rs.getBigDecimal("s3l")),
				unless(rs.getBoolean("sum3"), rs.getBigDecimal("s3m")), rs.getBigDecimal("tl"),
				market ? rs.getBigDecimal("tm") : null);
		return new Group(rs.getString("grp"), rs.getLong("lines"), split(rs.getString("providers")),
				split(rs.getString("versions")), figures, null);
	}

	private static @Nullable BigDecimal unless(boolean hidden, @Nullable BigDecimal value) {
		return hidden ? null : value;
	}

	private static List<String> split(@Nullable String joined) {
		return (joined == null) ? List.of() : Arrays.asList(joined.split(","));
	}

}

package org.greenledger.explorer;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFilter;
import org.greenledger.security.OrgUnitScope;

/**
 * What the explorer shows: whole months from {@code from} to {@code to}, the attribute
 * filters, the grouping, and whether to list the lines.
 *
 * @param groupBy provider, region, service, account, orgUnit, scope or month
 * @param after where the previous page of lines ended ({@code job:row}), or null
 */
public record ExplorerQuery(YearMonth from, YearMonth to, @Nullable String provider, @Nullable String region,
		@Nullable String service, @Nullable String account, @Nullable String orgUnit, @Nullable String scope,
		String groupBy, boolean lines, @Nullable String after) {

	/** The groupings in the order a drill-down walks them. */
	public static final List<String> GROUPINGS = List.of("provider", "service", "region", "account", "orgUnit", "scope",
			"month");

	public ExplorerQuery {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("the last month is before the first");
		}
		if (!GROUPINGS.contains(groupBy)) {
			throw new IllegalArgumentException("grouping by '" + groupBy + "' is not available");
		}
		provider = blankToNull(provider);
		region = blankToNull(region);
		service = blankToNull(service);
		account = blankToNull(account);
		orgUnit = blankToNull(orgUnit);
		scope = blankToNull(scope);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	LedgerFilter filter(OrgUnitScope scope) {
		return new LedgerFilter(this.provider, this.account, this.region, this.service, this.scope,
				(this.orgUnit != null) ? Set.of(this.orgUnit) : Set.of())
			.within(scope);
	}

	/** The filters set, by grouping name. */
	public Map<String, String> filters() {
		Map<String, String> filters = new LinkedHashMap<>();
		put(filters, "provider", this.provider);
		put(filters, "service", this.service);
		put(filters, "region", this.region);
		put(filters, "account", this.account);
		put(filters, "orgUnit", this.orgUnit);
		put(filters, "scope", this.scope);
		return filters;
	}

	private static void put(Map<String, String> filters, String name, @Nullable String value) {
		if (value != null) {
			filters.put(name, value);
		}
	}

	/**
	 * The grouping to drill into after choosing a group of this one: the next grouping
	 * not yet filtered, or null when every attribute is filtered.
	 */
	public @Nullable String nextGrouping() {
		List<String> order = new ArrayList<>(GROUPINGS);
		order.remove("month");
		int start = order.indexOf(this.groupBy) + 1;
		for (int i = 0; i < order.size(); i++) {
			String candidate = order.get((start + i) % order.size());
			if (!candidate.equals(this.groupBy) && !filters().containsKey(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Whether a group key is a real value (not the "(none)" bucket of lines without one).
	 */
	public static boolean isValue(String key) {
		return !FootprintQuery.NONE.equals(key);
	}

}

package org.greenledger.ledger;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.security.OrgUnitScope;

/**
 * Which activity lines to include, by their descriptive attributes; a null attribute
 * matches every line. {@code orgUnits} limits the lines to those uploaded for one of the
 * units; empty means every unit (and lines without one).
 *
 * @param provider the provider, e.g. {@code AWS}
 * @param account the billing account id
 * @param region the provider's region code
 * @param service the service name
 * @param scope the GHG scope of the impact, e.g. {@code SCOPE_3_CATEGORY_1}
 * @param orgUnits the org units the lines must belong to, or empty for all
 */
public record LedgerFilter(@Nullable String provider, @Nullable String account, @Nullable String region,
		@Nullable String service, @Nullable String scope, Set<String> orgUnits) {

	/** Every line. */
	public static final LedgerFilter ALL = new LedgerFilter(null, null, null, null, null, Set.of());

	public LedgerFilter {
		orgUnits = Set.copyOf(orgUnits);
	}

	/**
	 * This filter limited to the scope's org units: unchanged for an unrestricted scope;
	 * otherwise the units this filter names that the scope includes (all the scope's
	 * units when it names none; none at all when it names only units outside the scope).
	 */
	public LedgerFilter within(OrgUnitScope scope) {
		if (scope.unrestricted()) {
			return this;
		}
		Set<String> units = this.orgUnits.isEmpty() ? scope.units()
				: this.orgUnits.stream().filter(scope::includes).collect(java.util.stream.Collectors.toSet());
		return new LedgerFilter(this.provider, this.account, this.region, this.service, this.scope,
				units.isEmpty() ? Set.of(NO_UNIT) : units);
	}

	/** A unit code no unit has: selects nothing. */
	private static final String NO_UNIT = "\u0000none";

	public boolean isAll() {
		return this.equals(ALL);
	}

	/**
	 * The SQL condition on the dimension alias {@code d}, adding its parameters to
	 * {@code params}; {@code true} for every line.
	 */
	String condition(List<Object> params) {
		StringBuilder sql = new StringBuilder("true");
		equal(sql, params, "d.provider", this.provider);
		equal(sql, params, "d.account_id", this.account);
		equal(sql, params, "d.region", this.region);
		equal(sql, params, "d.service", this.service);
		equal(sql, params, "d.scope", this.scope);
		if (!this.orgUnits.isEmpty()) {
			sql.append(" and d.org_unit = any(?)");
			params.add(this.orgUnits.toArray(String[]::new));
		}
		return sql.toString();
	}

	private static void equal(StringBuilder sql, List<Object> params, String column, @Nullable String value) {
		if (value == null) {
			return;
		}
		if (value.equals(FootprintQuery.NONE)) {
			sql.append(" and ").append(column).append(" is null");
			return;
		}
		sql.append(" and ").append(column).append(" = ?");
		params.add(value);
	}

}

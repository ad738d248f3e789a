package org.greenledger.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The org units whose data a user may see and change. A user assigned to no unit is
 * unrestricted (sees all data, including data of no unit); a user assigned to units sees
 * only data that belongs to one of them (not data of no unit).
 *
 * @param units the codes of the units; empty when unrestricted
 */
public record OrgUnitScope(Set<String> units) {

	/** Prefix of authorities naming an org unit, e.g. {@code ORG_UNIT_research}. */
	public static final String AUTHORITY_PREFIX = "ORG_UNIT_";

	/** A scope that restricts nothing. */
	public static final OrgUnitScope UNRESTRICTED = new OrgUnitScope(Set.of());

	public OrgUnitScope {
		units = Set.copyOf(units);
	}

	/** A scope of the given units; unrestricted when there are none. */
	public static OrgUnitScope of(Collection<String> units) {
		return units.isEmpty() ? UNRESTRICTED : new OrgUnitScope(Set.copyOf(units));
	}

	/**
	 * The authority that puts a user in an org unit's scope. Identity providers feed the
	 * scope this way: an {@code org_units} token claim mapped to one such authority per
	 * unit.
	 */
	public static String authority(String code) {
		return AUTHORITY_PREFIX + code;
	}

	public boolean unrestricted() {
		return this.units.isEmpty();
	}

	/** Whether data of that org unit (null: of none) is within this scope. */
	public boolean includes(@Nullable String orgUnit) {
		return unrestricted() || (orgUnit != null && this.units.contains(orgUnit));
	}

	/** The items within this scope, in their order. */
	public <T> List<T> filter(List<T> items, Function<T, @Nullable String> orgUnit) {
		return unrestricted() ? items : items.stream().filter(item -> includes(orgUnit.apply(item))).toList();
	}

	/** The unit codes sorted, for SQL ({@code = any(?)}) and messages. */
	public String[] codes() {
		return new TreeSet<>(this.units).toArray(String[]::new);
	}

}

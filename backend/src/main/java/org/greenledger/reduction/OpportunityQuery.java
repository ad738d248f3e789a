package org.greenledger.reduction;

import java.time.LocalDate;
import java.util.Set;

import org.greenledger.ledger.LedgerFilter;
import org.greenledger.security.OrgUnitScope;

/**
 * The period and org units opportunities are looked for in.
 *
 * @param from first day (UTC), inclusive
 * @param to last day (UTC), inclusive
 * @param orgUnits the org units asked for (empty: every unit)
 * @param scope the org units the caller may see (unrestricted: all)
 */
public record OpportunityQuery(LocalDate from, LocalDate to, Set<String> orgUnits, OrgUnitScope scope) {

	public OpportunityQuery {
		orgUnits = Set.copyOf(orgUnits);
	}

	/** The day the period's yearly factors are chosen for: its middle. */
	LocalDate factorDate() {
		return this.from.plusDays((this.to.toEpochDay() - this.from.toEpochDay()) / 2);
	}

	/** The ledger's lines of a provider and region (null: every region) in the query. */
	LedgerFilter lines(String provider, @org.jspecify.annotations.Nullable String region) {
		return new LedgerFilter(provider, null, region, null, null, this.orgUnits).within(this.scope);
	}

}

package org.greenledger.providercarbon;

import org.greenledger.ledger.FootprintQuery;

/**
 * GreenLedger's own estimate for a group, in kg CO2e: operational (location- and
 * market-based) and embodied hardware, and how much of the location-based figure rests on
 * spend-based factors (data-quality tier 4). GreenLedger books cloud services as the
 * customer's Scope 3; against a provider's scopes, its operational figure compares with
 * the provider's Scope 1 + 2 and its embodied figure with part of the provider's Scope 3.
 */
public record LedgerFigures(double operationalLocationBased, double operationalMarketBased, double embodied,
		double spendBasedLocation, long lines) {

	public double totalLocationBased() {
		return this.operationalLocationBased + this.embodied;
	}

	public double totalMarketBased() {
		return this.operationalMarketBased + this.embodied;
	}

	LedgerFigures plus(LedgerFigures other) {
		return new LedgerFigures(this.operationalLocationBased + other.operationalLocationBased,
				this.operationalMarketBased + other.operationalMarketBased, this.embodied + other.embodied,
				this.spendBasedLocation + other.spendBasedLocation, this.lines + other.lines);
	}

	static final LedgerFigures NONE = new LedgerFigures(0, 0, 0, 0, 0);

	/** A footprint group's figures; its spend-based part is its tier-4 share. */
	static LedgerFigures of(FootprintQuery.Group group) {
		double spend = group.locationKg() * group.qualityShares().getOrDefault(4, 0.0);
		return new LedgerFigures(group.locationKg(), group.marketKg(), group.embodiedKg(), spend, group.rows());
	}

}

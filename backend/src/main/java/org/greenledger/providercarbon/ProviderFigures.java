package org.greenledger.providercarbon;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A group's provider-reported CO2e in kg, by scope and basis. A provider's single Scope 3
 * (or unlabelled Scope 2) figure counts under both bases; a figure no line of the group
 * gives, or that a provider gives only inside a sum of scopes, is null, never 0.
 */
public record ProviderFigures(@Nullable BigDecimal scope1, @Nullable BigDecimal scope2LocationBased,
		@Nullable BigDecimal scope2MarketBased, @Nullable BigDecimal scope3LocationBased,
		@Nullable BigDecimal scope3MarketBased, @Nullable BigDecimal totalLocationBased,
		@Nullable BigDecimal totalMarketBased) {

	/** Scope 1 and Scope 2 location-based (the operational part), null when either is. */
	public @Nullable BigDecimal operationalLocationBased() {
		return (this.scope1 == null || this.scope2LocationBased == null) ? null
				: this.scope1.add(this.scope2LocationBased);
	}

}

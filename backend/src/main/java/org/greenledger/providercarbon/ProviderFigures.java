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

	/**
	 * The sum of two groups' figures: a figure is null when either group lacks it, as one
	 * group's figures would otherwise pass for both.
	 */
	static ProviderFigures sum(@Nullable ProviderFigures left, ProviderFigures right) {
		if (left == null) {
			return right;
		}
		return new ProviderFigures(add(left.scope1, right.scope1),
				add(left.scope2LocationBased, right.scope2LocationBased),
				add(left.scope2MarketBased, right.scope2MarketBased),
				add(left.scope3LocationBased, right.scope3LocationBased),
				add(left.scope3MarketBased, right.scope3MarketBased),
				add(left.totalLocationBased, right.totalLocationBased),
				add(left.totalMarketBased, right.totalMarketBased));
	}

	private static @Nullable BigDecimal add(@Nullable BigDecimal left, @Nullable BigDecimal right) {
		return (left == null || right == null) ? null : left.add(right);
	}

	/** Scope 1 and Scope 2 location-based (the operational part), null when either is. */
	public @Nullable BigDecimal operationalLocationBased() {
		return (this.scope1 == null || this.scope2LocationBased == null) ? null
				: this.scope1.add(this.scope2LocationBased);
	}

}

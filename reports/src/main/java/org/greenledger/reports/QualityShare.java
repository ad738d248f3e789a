package org.greenledger.reports;

import java.util.Objects;

/**
 * The share of a total that rests on data of one quality tier.
 *
 * @param tier the tier, for example {@code "Measured"} or {@code "Spend-based estimate"}
 * @param share the share as a fraction between 0 and 1
 */
public record QualityShare(String tier, double share) {

	public QualityShare {
		Objects.requireNonNull(tier, "tier");
		if (!(share >= 0 && share <= 1)) {
			throw new IllegalArgumentException("share must be between 0 and 1, was " + share);
		}
	}

}

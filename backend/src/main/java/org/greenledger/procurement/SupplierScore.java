package org.greenledger.procurement;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A supplier's score under one methodology version, with its breakdown.
 *
 * @param score 0 to 100: the sum of the criteria's points
 * @param missing how many criteria had no value (each scored its penalty)
 */
public record SupplierScore(String methodology, int methodologyVersion, double score, int missing,
		List<CriterionScore> criteria) {

	/**
	 * One criterion's contribution.
	 *
	 * @param value the disclosed value as written, or null when missing
	 * @param score the criterion's score, 0 to 100
	 * @param points weight x score / 100: its contribution to the total
	 * @param missing whether no value was disclosed (the penalty applied)
	 * @param evidence what the value rests on
	 * @param toImprove what would change it: the value that scores fully and the points
	 * it would add, or the disclosure that is missing
	 */
	public record CriterionScore(String key, String label, String unit, double weight, @Nullable String value,
			double score, double points, boolean missing, @Nullable String evidence, String toImprove) {
	}

}

package org.greenledger.procurement;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A scoring methodology: versioned data (stored, never changed) listing criteria with
 * weights, normalisation and the score of a missing value.
 */
public record Methodology(String name, int version, String description, List<Criterion> criteria) {

	public double totalWeight() {
		return this.criteria.stream().mapToDouble(Criterion::weight).sum();
	}

	/**
	 * One criterion.
	 *
	 * @param key the profile value it scores, for example {@code facility.pue}
	 * @param weight its share of the total (weights sum to 100 in the default
	 * methodology)
	 * @param missingScore the score (0 to 100) when the supplier disclosed no value: a
	 * penalty, 0 unless the methodology says otherwise
	 */
	public record Criterion(String key, String label, String unit, double weight, Normalisation normalisation,
			@Nullable Double missingScore, String rationale) {

		public double missing() {
			return (this.missingScore != null) ? this.missingScore : 0;
		}

	}

	/**
	 * How a value becomes a score from 0 to 100.
	 *
	 * @param type {@code MIN_MAX}: linear between {@code worst} (0) and {@code best}
	 * (100), clamped; {@code LEVELS}: the score of the value's level (case-insensitive)
	 */
	public record Normalisation(String type, @Nullable Double best, @Nullable Double worst,
			@Nullable Map<String, Double> levels) {

	}

}

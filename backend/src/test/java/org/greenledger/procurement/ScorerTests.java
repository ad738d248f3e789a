package org.greenledger.procurement;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The default methodology's scoring, worked by hand. */
class ScorerTests {

	private final Methodology methodology = Methodologies.read("procurement/methodology-default-v1.json");

	@Test
	void theDefaultMethodologyWeighsOneHundredPoints() {
		assertThat(this.methodology.totalWeight()).isEqualTo(100);
		assertThat(this.methodology.criteria()).extracting(Methodology.Criterion::rationale)
			.allMatch(r -> !r.isBlank());
	}

	@Test
	void aCriterionScoresLinearlyBetweenWorstAndBestAndContributesItsWeight() {
		// PUE 1.55 is half-way between 2.0 (worst) and 1.1 (best): 50 of 100, 10 x 0.5 =
		// 5 points
		SupplierScore score = Scorer.score(this.methodology, Map.of("facility.pue", ProfileValue.of(1.55, "report")));
		SupplierScore.CriterionScore pue = criterion(score, "facility.pue");
		assertThat(pue.score()).isCloseTo(50, within(1e-9));
		assertThat(pue.points()).isCloseTo(5, within(1e-9));
		assertThat(pue.evidence()).isEqualTo("report");
		assertThat(pue.toImprove()).contains("1.1", "5.0 points");
		assertThat(score.score()).isCloseTo(5, within(1e-9));
		assertThat(score.missing()).isEqualTo(14);
	}

	@Test
	void levelsAreMatchedIgnoringCaseAndValuesOutsideTheRangeAreClamped() {
		SupplierScore score = Scorer.score(this.methodology, Map.of("targets.sbti", ProfileValue.of("Validated", null),
				"facility.pue", ProfileValue.of(3.0, null), "grid.location_intensity", ProfileValue.of(-5, null)));
		assertThat(criterion(score, "targets.sbti").points()).isEqualTo(10);
		assertThat(criterion(score, "facility.pue").score()).isZero();
		assertThat(criterion(score, "grid.location_intensity").score()).isEqualTo(100);
	}

	@Test
	void missingDataLowersTheScoreAndSaysWhatToDisclose() {
		Map<String, ProfileValue> full = new HashMap<>();
		full.put("grid.location_intensity", ProfileValue.of(200, null));
		full.put("targets.sbti", ProfileValue.of("committed", null));
		Map<String, ProfileValue> partial = new HashMap<>(full);
		partial.remove("targets.sbti");
		SupplierScore withTarget = Scorer.score(this.methodology, full);
		SupplierScore withoutTarget = Scorer.score(this.methodology, partial);
		assertThat(withoutTarget.score()).isLessThan(withTarget.score());
		SupplierScore.CriterionScore sbti = criterion(withoutTarget, "targets.sbti");
		assertThat(sbti.missing()).isTrue();
		assertThat(sbti.points()).isZero();
		assertThat(sbti.toImprove()).startsWith("Disclose").contains("10.0 points");
		// an unknown level is missing data too, not a silent zero
		SupplierScore unknown = Scorer.score(this.methodology, Map.of("targets.sbti", ProfileValue.of("maybe", null)));
		assertThat(criterion(unknown, "targets.sbti").missing()).isTrue();
	}

	@Test
	void theSameProfileAndMethodologyGiveTheSameScore() {
		Map<String, ProfileValue> profile = Map.of("facility.pue", ProfileValue.of(1.3, null), "facility.wue",
				ProfileValue.of(0.8, null), "disclosure.cdp_score", ProfileValue.of("B", null));
		assertThat(Scorer.score(this.methodology, profile)).isEqualTo(Scorer.score(this.methodology, profile));
	}

	private static SupplierScore.CriterionScore criterion(SupplierScore score, String key) {
		return score.criteria().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
	}

}

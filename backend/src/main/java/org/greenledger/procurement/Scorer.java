package org.greenledger.procurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a supplier profile with a methodology: each criterion's value is normalised to 0
 * to 100 and weighted; a criterion without a (usable) value scores its missing score,
 * which is a penalty. Deterministic: the same profile and methodology version give the
 * same score.
 */
public final class Scorer {

	private Scorer() {
	}

	public static SupplierScore score(Methodology methodology, Map<String, ProfileValue> profile) {
		List<SupplierScore.CriterionScore> criteria = new ArrayList<>(methodology.criteria().size());
		double total = 0;
		int missing = 0;
		double weights = methodology.totalWeight();
		for (Methodology.Criterion criterion : methodology.criteria()) {
			ProfileValue value = profile.get(criterion.key());
			Double score = (value != null) ? normalise(criterion.normalisation(), value) : null;
			boolean isMissing = score == null;
			double applied = isMissing ? criterion.missing() : score;
			double points = (weights > 0) ? criterion.weight() * applied / weights : 0;
			total += points;
			if (isMissing) {
				missing++;
			}
			criteria.add(new SupplierScore.CriterionScore(criterion.key(), criterion.label(), criterion.unit(),
					criterion.weight(), (value != null) ? value.display() : null, round(applied), round(points),
					isMissing, (value != null) ? value.evidence() : null,
					toImprove(criterion, value, isMissing, applied, weights)));
		}
		return new SupplierScore(methodology.name(), methodology.version(), round(total), missing, criteria);
	}

	/** The score of a value from 0 to 100, or null when it cannot be scored (missing). */
	static Double normalise(Methodology.Normalisation normalisation, ProfileValue value) {
		if ("LEVELS".equals(normalisation.type())) {
			if (value.text() == null || normalisation.levels() == null) {
				return null;
			}
			String wanted = value.text().strip();
			for (Map.Entry<String, Double> level : normalisation.levels().entrySet()) {
				if (level.getKey().equalsIgnoreCase(wanted)) {
					return level.getValue();
				}
			}
			return null;
		}
		if (value.number() == null || normalisation.best() == null || normalisation.worst() == null
				|| !Double.isFinite(value.number())) {
			return null;
		}
		double best = normalisation.best();
		double worst = normalisation.worst();
		if (best == worst) {
			return (value.number() == best) ? 100.0 : 0.0;
		}
		double share = (value.number() - worst) / (best - worst);
		return 100 * Math.max(0, Math.min(1, share));
	}

	private static String toImprove(Methodology.Criterion criterion, ProfileValue value, boolean missing,
			double applied, double weights) {
		double gain = (weights > 0) ? criterion.weight() * (100 - applied) / weights : 0;
		if (missing) {
			return ((value == null) ? "Disclose " : "Disclose a valid value for ")
					+ criterion.label().toLowerCase(Locale.ROOT) + ": up to " + format(gain) + " points (now scored "
					+ format(applied) + " of 100 as missing data)";
		}
		if (applied >= 100) {
			return "Already the best score";
		}
		Methodology.Normalisation normalisation = criterion.normalisation();
		if ("LEVELS".equals(normalisation.type()) && normalisation.levels() != null) {
			String best = normalisation.levels()
				.entrySet()
				.stream()
				.max(Map.Entry.comparingByValue())
				.map(Map.Entry::getKey)
				.orElse("?");
			return "'" + best + "' would add " + format(gain) + " points";
		}
		return "A value of " + format(normalisation.best()) + " " + criterion.unit() + " or better would add "
				+ format(gain) + " points";
	}

	private static String format(Double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}

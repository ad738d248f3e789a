package org.greenledger.reduction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** A target's path against the ledger's actual figures, year by year. */
@Service
public class Trajectories {

	/**
	 * Relative difference below which the ledger's base-year figure counts as unchanged.
	 */
	static final double SAME_FIGURE = 1e-9;

	private final Targets targets;

	private final LedgerEmissions ledger;

	Trajectories(Targets targets, LedgerEmissions ledger) {
		this.targets = targets;
		this.ledger = ledger;
	}

	public Trajectory of(UUID id) {
		return of(this.targets.require(id));
	}

	public Trajectory of(Target target) {
		List<Trajectory.Year> years = new ArrayList<>();
		Double ledgerBase = null;
		for (int year = target.baseYear(); year <= target.targetYear(); year++) {
			LedgerEmissions.YearEmissions actual = this.ledger.year(year, target);
			Double actualKg = actual.recorded() ? actual.totalKg() : null;
			if (year == target.baseYear()) {
				ledgerBase = actualKg;
			}
			double path = target.pathKgCo2e(year);
			years.add(new Trajectory.Year(year, path, actualKg, byScope(target, actual),
					(actualKg != null) ? actualKg <= path * (1 + SAME_FIGURE) : null));
		}
		boolean recalculated = "LEDGER".equals(target.baseYearSource()) && (ledgerBase == null
				|| Math.abs(ledgerBase - target.baseYearKgCo2e()) > SAME_FIGURE * Math.max(1, target.baseYearKgCo2e()));
		return new Trajectory(target, ledgerBase, recalculated, years);
	}

	private static Map<String, Double> byScope(Target target, LedgerEmissions.YearEmissions actual) {
		Map<String, Double> scopes = new LinkedHashMap<>();
		if (!actual.recorded()) {
			return scopes;
		}
		for (TargetScope scope : target.scopes()) {
			scopes.put(scope.name(), switch (scope) {
				case SCOPE_1 -> actual.scope1Kg();
				case SCOPE_2 -> actual.scope2Kg();
				case SCOPE_3 -> actual.scope3Kg();
			});
		}
		return scopes;
	}

}

package org.greenledger.reduction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.security.OrgUnitScope;
import org.springframework.stereotype.Service;

/** The targets and adopted opportunities a disclosure reports (ESRS E1-4, E1-3). */
@Service
class ReductionReport implements ReductionDisclosures {

	private final Targets targets;

	private final Trajectories trajectories;

	private final Adoptions adoptions;

	ReductionReport(Targets targets, Trajectories trajectories, Adoptions adoptions) {
		this.targets = targets;
		this.trajectories = trajectories;
		this.adoptions = adoptions;
	}

	@Override
	public List<TargetProgress> targets(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		List<TargetProgress> progress = new ArrayList<>();
		for (Target target : this.targets.all()) {
			if (!Objects.equals(target.orgUnit(), orgUnit)) {
				continue;
			}
			Trajectory trajectory = this.trajectories.of(target);
			int year = Math.clamp(to.getYear(), target.baseYear(), target.targetYear());
			Trajectory.Year reached = trajectory.years().get(year - target.baseYear());
			Double actual = reached.actualKgCo2e();
			Double achieved = (actual != null && target.baseYearKgCo2e() > 0)
					? 100 * (target.baseYearKgCo2e() - actual) / target.baseYearKgCo2e() : null;
			progress.add(new TargetProgress(target.name(), target.version(),
					target.scopes().stream().map(Enum::name).toList(), target.basis().name(), target.includeEmbodied(),
					target.baseYear(), target.baseYearKgCo2e(), target.baseYearSource(),
					trajectory.baseYearRecalculated(), target.targetYear(), target.reductionPercent(),
					target.targetYearKgCo2e(), year, reached.targetKgCo2e(), actual, achieved, reached.onTrack()));
		}
		return progress;
	}

	@Override
	public List<Action> actions(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		List<Action> actions = new ArrayList<>();
		for (Adoption adoption : this.adoptions.all(OrgUnitScope.UNRESTRICTED)) {
			if (!Objects.equals(adoption.orgUnit(), orgUnit) || adoption.adoptedOn().isAfter(to)) {
				continue;
			}
			Optional<Adoption.Realized> realized = this.adoptions.realized(adoption, from, to);
			actions.add(new Action(adoption.opportunity().kind().name(), adoption.opportunity().subject().name(),
					adoption.adoptedOn(), adoption.createdBy(),
					realized.map(Adoption.Realized::expectedKgCo2e).orElse(0.0),
					realized.map(Adoption.Realized::realizedKgCo2e).orElse(null),
					realized.map(Adoption.Realized::days).orElse(0L), adoption.note()));
		}
		return actions;
	}

}

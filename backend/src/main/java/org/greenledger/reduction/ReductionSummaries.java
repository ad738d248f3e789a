package org.greenledger.reduction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.FootprintQuery;
import org.greenledger.security.OrgUnitScope;
import org.springframework.stereotype.Service;

/**
 * What the dashboard shows of reduction: progress against the main target and the three
 * largest opportunities of the last twelve months of data.
 */
@Service
public class ReductionSummaries {

	/** How many opportunities the summary names. */
	static final int LARGEST = 3;

	private final Targets targets;

	private final Trajectories trajectories;

	private final Opportunities opportunities;

	private final FootprintQuery footprint;

	private final Clock clock;

	ReductionSummaries(Targets targets, Trajectories trajectories, Opportunities opportunities,
			FootprintQuery footprint, Clock clock) {
		this.targets = targets;
		this.trajectories = trajectories;
		this.opportunities = opportunities;
		this.footprint = footprint;
		this.clock = clock;
	}

	public ReductionSummary summary(OrgUnitScope scope) {
		YearMonth latest = this.footprint.latestMonth().orElse(YearMonth.now(this.clock));
		LocalDate from = latest.minusMonths(11).atDay(1);
		LocalDate to = latest.atEndOfMonth();
		List<Opportunity> largest = this.opportunities.find(new OpportunityQuery(from, to, Set.of(), scope))
			.stream()
			.limit(LARGEST)
			.toList();
		return new ReductionSummary(main(scope).map(this::progress).orElse(null), from, to, largest);
	}

	/**
	 * The main target: of the targets the caller sees, an organisation-wide one before a
	 * unit's, then the nearest target year not yet passed, then the earliest set.
	 */
	Optional<Target> main(OrgUnitScope scope) {
		int year = LocalDate.now(this.clock).getYear();
		return scope.filter(this.targets.all(), Target::orgUnit)
			.stream()
			.min(Comparator.comparing((Target target) -> target.orgUnit() != null)
				.thenComparing(target -> target.targetYear() < year)
				.thenComparingInt(Target::targetYear)
				.thenComparing(Target::createdAt));
	}

	private ReductionSummary.Progress progress(Target target) {
		Trajectory trajectory = this.trajectories.of(target);
		Trajectory.Year latest = trajectory.years()
			.stream()
			.filter(year -> year.actualKgCo2e() != null)
			.reduce((first, second) -> second)
			.orElse(null);
		return new ReductionSummary.Progress(target, trajectory.baseYearRecalculated(), latest);
	}

	/**
	 * The dashboard's reduction summary.
	 *
	 * @param mainTarget progress against the main target, or null when none is set
	 * @param from first day the opportunities were looked for in
	 * @param to last day
	 * @param largest the largest opportunities, at most three
	 */
	public record ReductionSummary(@Nullable Progress mainTarget, LocalDate from, LocalDate to,
			List<Opportunity> largest) {

		public ReductionSummary {
			largest = List.copyOf(largest);
		}

		/**
		 * A target and its latest year with an actual figure.
		 *
		 * @param latest null when the ledger holds no figure of any of its years
		 */
		public record Progress(Target target, boolean baseYearRecalculated, Trajectory.@Nullable Year latest) {

			/**
			 * The cut from the base year so far, in per cent of the base year (null
			 * without a figure).
			 */
			public @Nullable Double reductionAchievedPercent() {
				if (this.latest == null || this.latest.actualKgCo2e() == null || this.target.baseYearKgCo2e() <= 0) {
					return null;
				}
				return 100 * (this.target.baseYearKgCo2e() - this.latest.actualKgCo2e()) / this.target.baseYearKgCo2e();
			}

		}

	}

}

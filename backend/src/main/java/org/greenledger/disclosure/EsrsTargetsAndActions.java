package org.greenledger.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.reduction.ReductionDisclosures;
import org.greenledger.reports.Column;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;
import org.springframework.stereotype.Component;

/**
 * The ESRS E1-4 (targets: base year, target, progress) and E1-3 (actions: adopted
 * reduction opportunities with their realized saving) sections, from the reduction
 * module's {@link ReductionDisclosures}.
 */
@Component
class EsrsTargetsAndActions {

	private final ReductionDisclosures reduction;

	EsrsTargetsAndActions(ReductionDisclosures reduction) {
		this.reduction = reduction;
	}

	/** Both sections for the period and org unit (null: the organisation's). */
	List<Section> sections(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		return List.of(targets(from, to, orgUnit), actions(from, to, orgUnit));
	}

	private Section targets(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		List<ReductionDisclosures.TargetProgress> targets = this.reduction.targets(from, to, orgUnit);
		Section.Builder section = Section.builder("E1-4 Targets related to climate change mitigation")
			.reference("ESRS E1-4");
		if (targets.isEmpty()) {
			return section
				.paragraph("No GHG emission reduction target has been set in GreenLedger for "
						+ ((orgUnit != null) ? "org unit " + orgUnit : "the organisation") + ".")
				.build();
		}
		section.paragraph("Absolute GHG emission reduction targets (ESRS E1-4 34), each in its latest version: base"
				+ " year and its emissions, target year and reduction, and progress in the year the reporting period"
				+ " ends in against the linear path from the base year to the target year. Actual figures are the GHG"
				+ " inventory's for the calendar year.");
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (ReductionDisclosures.TargetProgress target : targets) {
			List<@Nullable Object> row = new ArrayList<>();
			row.add(target.name() + " (v" + target.version() + ")");
			row.add(String.join(", ", target.scopes()) + (target.includeEmbodied() ? " incl. embodied" : "") + ", "
					+ target.basis().toLowerCase(java.util.Locale.ROOT) + "-based");
			row.add(String.valueOf(target.baseYear()));
			row.add(target.baseYearKgCo2e() / 1000);
			row.add(String.valueOf(target.targetYear()));
			row.add(target.reductionPercent());
			row.add(target.targetYearKgCo2e() / 1000);
			row.add(String.valueOf(target.year()));
			row.add(target.pathKgCo2e() / 1000);
			row.add((target.actualKgCo2e() != null) ? target.actualKgCo2e() / 1000 : null);
			row.add(target.reductionAchievedPercent());
			row.add((target.onTrack() == null) ? "no figure" : target.onTrack() ? "on track" : "off track");
			rows.add(row);
		}
		section.add(Table.of("Targets and progress", List.of(Column.text("Target"), Column.text("Scopes and basis"),
				Column.text("Base year"), Column.number("Base year emissions", "t CO2e", 3), Column.text("Target year"),
				Column.number("Reduction", "%", 1), Column.number("Target year emissions", "t CO2e", 3),
				Column.text("Progress year"), Column.number("Path", "t CO2e", 3), Column.number("Actual", "t CO2e", 3),
				Column.number("Reduction achieved", "%", 1), Column.text("Status")), rows));
		for (ReductionDisclosures.TargetProgress target : targets) {
			if (target.baseYearRecalculated()) {
				section.note("The ledger's figure for base year " + target.baseYear() + " of '" + target.name()
						+ "' has changed since the target's version recorded it (restated periods, replaced uploads or"
						+ " new factors); the path starts from the recorded figure until a new version adopts it.");
			}
		}
		return section.build();
	}

	private Section actions(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		List<ReductionDisclosures.Action> actions = this.reduction.actions(from, to, orgUnit);
		Section.Builder section = Section.builder("E1-3 Actions and resources in relation to climate change policies")
			.reference("ESRS E1-3");
		if (actions.isEmpty()) {
			return section.paragraph("No reduction opportunity has been marked as adopted by " + to + ".").build();
		}
		section.paragraph("Key actions (ESRS E1-3 29): reduction opportunities GreenLedger quantified from the ledger"
				+ " and marked as adopted, with the saving expected at adoption and the saving realized in the"
				+ " reporting period.");
		section.add(Table.of("Adopted actions",
				List.of(Column.text("Action"), Column.text("Subject"), Column.date("Adopted on"),
						Column.integer("Days in effect", null), Column.number("Expected saving", "t CO2e", 3),
						Column.number("Realized saving", "t CO2e", 3), Column.text("Adopted by"), Column.text("Note")),
				actions.stream()
					.map(action -> java.util.Arrays.<@Nullable Object>asList(action.kind(), action.subject(),
							action.adoptedOn(), action.daysInEffect(), action.expectedKgCo2e() / 1000,
							(action.realizedKgCo2e() != null) ? action.realizedKgCo2e() / 1000 : null,
							action.adoptedBy(), action.note()))
					.toList()));
		section.note("Realized saving: the subject's emissions per day over the period the opportunity was found in"
				+ " (recorded at adoption) times the days in effect, less the subject's emissions over those days as"
				+ " the ledger holds them (docs/methodology.md, adopted opportunities).");
		return section.build();
	}

}

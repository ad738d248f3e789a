package org.greenledger.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.reports.Column;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;

/**
 * The differences between a restatement's figures and those of the report of the version
 * it restates: each figure before and after, the change and the change in percent.
 */
final class ChangesSection {

	private ChangesSection() {
	}

	/** One figure's difference; {@code before} or {@code after} is null when absent. */
	record Difference(String figure, @Nullable Double before, @Nullable Double after) {

		double change() {
			return ((this.after != null) ? this.after : 0) - ((this.before != null) ? this.before : 0);
		}

	}

	static List<Difference> differences(Map<String, Double> before, Map<String, Double> after) {
		Set<String> keys = new LinkedHashSet<>(after.keySet());
		keys.addAll(before.keySet());
		List<Difference> differences = new ArrayList<>();
		for (String key : keys) {
			differences.add(new Difference(key, before.get(key), after.get(key)));
		}
		return differences;
	}

	static Section build(@Nullable StoredReport previous, Map<String, Double> figures, @Nullable String reason) {
		Section.Builder section = Section.builder("Changes since the last version");
		if (previous == null) {
			return section.paragraph("This is the first version of this report for the period.").build();
		}
		section.paragraph("This report restates report " + previous.id() + " of " + previous.createdAt()
				+ ((reason != null) ? ". Reason for the restatement: " + reason : "."));
		List<List<?>> rows = new ArrayList<>();
		for (Difference difference : differences(previous.figures(), figures)) {
			Double percent = (difference.before() != null && difference.before() != 0)
					? difference.change() / Math.abs(difference.before()) : null;
			rows.add(java.util.Arrays.asList(difference.figure(), difference.before(), difference.after(),
					difference.change(), percent));
		}
		return section.add(Table.of("Figures before and after the restatement",
				List.of(Column.text("Figure"), Column.number("Previous version", null, 3),
						Column.number("This version", null, 3), Column.number("Change", null, 3),
						Column.percent("Change", 1)),
				rows))
			.build();
	}

}

package org.greenledger.reduction.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.greenledger.reduction.TargetInput;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * The target form as typed: every field as text, so that a refused form comes back with
 * what the user entered.
 */
public record TargetForm(@Nullable String name, @Nullable List<String> scopes, @Nullable String basis,
		@Nullable String includeEmbodied, @Nullable String baseYear, @Nullable String baseYearKgCo2e,
		@Nullable String targetYear, @Nullable String reductionPercent, @Nullable String orgUnit) {

	static final TargetForm EMPTY = new TargetForm("", List.of("SCOPE_3"), "LOCATION", null, "", "", "", "", "");

	public boolean has(String scope) {
		return this.scopes != null && this.scopes.contains(scope);
	}

	public boolean embodied() {
		return this.includeEmbodied != null && !this.includeEmbodied.isBlank();
	}

	/** The input, numbers read; a number that cannot be read is added to problems. */
	TargetInput input(List<FieldProblem> problems) {
		return new TargetInput(this.name, (this.scopes != null) ? this.scopes : List.of(), this.basis, embodied(),
				whole(this.baseYear, "baseYear", problems), decimal(this.baseYearKgCo2e, "baseYearKgCo2e", problems),
				whole(this.targetYear, "targetYear", problems),
				decimal(this.reductionPercent, "reductionPercent", problems), this.orgUnit);
	}

	private static @Nullable Integer whole(@Nullable String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "'" + text.strip() + "' is not a year (for example 2025)"));
			return null;
		}
	}

	private static @Nullable Double decimal(@Nullable String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip().replace(" ", "").replace(",", ""));
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field,
					"'" + text.strip() + "' is not a number (for example " + example(field) + ")"));
			return null;
		}
	}

	private static String example(String field) {
		return field.toLowerCase(Locale.ROOT).contains("percent") ? "30" : "125000";
	}

	/**
	 * The problems of the form, each as the user reads it: the field's label, then why.
	 */
	static List<String> describe(List<FieldProblem> problems, java.util.function.Function<String, String> label) {
		List<String> described = new ArrayList<>();
		for (FieldProblem problem : problems) {
			String field = problem.field().replaceAll("\\[\\d+]$", "");
			described.add(label.apply(field) + ": " + problem.message());
		}
		return described;
	}

}

package org.greenledger.reduction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * Checks a target's input field by field and answers every invalid field at once (RFC
 * 9457 problem with {@code errors}).
 */
final class TargetRules {

	static final int FIRST_YEAR = 1990;

	static final int LAST_YEAR = 2999;

	static final int MAX_SPAN_YEARS = 100;

	private TargetRules() {
	}

	/** The input's fields, checked; the base year's figure may still be missing. */
	static Checked check(TargetInput input, boolean orgUnitKnown) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = (input.name() != null) ? input.name().strip() : "";
		if (name.isEmpty() || name.length() > 200) {
			problems.add(new FieldProblem("name", "required, at most 200 characters (for example Net cloud -50%)"));
		}
		Set<TargetScope> scopes = new LinkedHashSet<>();
		if (input.scopes() == null || input.scopes().isEmpty()) {
			problems.add(new FieldProblem("scopes", "required: one or more of SCOPE_1, SCOPE_2, SCOPE_3"));
		}
		else {
			for (int i = 0; i < input.scopes().size(); i++) {
				String scope = input.scopes().get(i);
				TargetScope parsed = parse(TargetScope.class, scope);
				if (parsed == null) {
					problems.add(new FieldProblem("scopes[" + i + "]", "must be SCOPE_1, SCOPE_2 or SCOPE_3"));
				}
				else if (!scopes.add(parsed)) {
					problems.add(new FieldProblem("scopes[" + i + "]", parsed + " is named twice"));
				}
			}
		}
		Basis basis = parse(Basis.class, input.basis());
		if (basis == null) {
			problems.add(new FieldProblem("basis", "required: LOCATION or MARKET"));
		}
		Integer baseYear = input.baseYear();
		if (baseYear == null || baseYear < FIRST_YEAR || baseYear > LAST_YEAR) {
			problems.add(new FieldProblem("baseYear", "required, a year from " + FIRST_YEAR + " to " + LAST_YEAR));
		}
		Integer targetYear = input.targetYear();
		if (targetYear == null
				|| baseYear != null && (targetYear <= baseYear || targetYear > baseYear + MAX_SPAN_YEARS)) {
			problems.add(new FieldProblem("targetYear",
					"required, after the base year and at most " + MAX_SPAN_YEARS + " years after it"));
		}
		Double percent = input.reductionPercent();
		if (percent == null || !Double.isFinite(percent) || percent <= 0 || percent > 100) {
			problems.add(new FieldProblem("reductionPercent", "required, more than 0 and at most 100 (per cent)"));
		}
		Double baseKg = input.baseYearKgCo2e();
		if (baseKg != null && (!Double.isFinite(baseKg) || baseKg <= 0)) {
			problems.add(new FieldProblem("baseYearKgCo2e",
					"a positive number of kg CO2e, or leave it out to take the ledger's figure for the base year"));
		}
		String orgUnit = (input.orgUnit() != null && !input.orgUnit().isBlank()) ? input.orgUnit().strip() : null;
		if (orgUnit != null && !orgUnitKnown) {
			problems.add(new FieldProblem("orgUnit", "no org unit has the code '" + orgUnit + "'"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		return new Checked(name, List.copyOf(scopes), basis, Boolean.TRUE.equals(input.includeEmbodied()), baseYear,
				baseKg, targetYear, percent, orgUnit);
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The input, valid; {@code baseYearKgCo2e} null when the ledger's figure is wanted.
	 */
	record Checked(String name, List<TargetScope> scopes, Basis basis, boolean includeEmbodied, int baseYear,
			@Nullable Double baseYearKgCo2e, int targetYear, double reductionPercent, @Nullable String orgUnit) {

	}

}

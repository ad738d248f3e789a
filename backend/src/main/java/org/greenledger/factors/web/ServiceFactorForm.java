package org.greenledger.factors.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.greenledger.factors.FactorScope;
import org.greenledger.factors.FactorSetInput;
import org.greenledger.core.factors.FactorKind;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * The new factor set form for one service and billed unit, as typed: the service, its
 * provider and unit come pre-filled from the data issue; the user gives the energy per
 * unit, its source, and optionally its validity and the set's name.
 */
record ServiceFactorForm(@Nullable String provider, @Nullable String service, @Nullable String unit,
		@Nullable String name, @Nullable String value, @Nullable String source, @Nullable String validFrom,
		@Nullable String validTo, @Nullable String notes) {

	/** A form pre-filled for a service and unit. */
	static ServiceFactorForm draft(@Nullable String provider, @Nullable String service, @Nullable String unit) {
		String name = ("energy " + (service != null ? service : "") + " per " + (unit != null ? unit : ""))
			.replaceAll("[^A-Za-z0-9 ._-]", " ")
			.replaceAll(" +", " ")
			.strip();
		return new ServiceFactorForm(provider, service, unit, name.length() > 100 ? name.substring(0, 100) : name, null,
				null, null, null, null);
	}

	/** The scope the factor applies to, written as factor sets write it. */
	@Nullable String scope() {
		return FactorScope.service(this.provider, this.unit, this.service).map(FactorScope::toString).orElse(null);
	}

	/** The factor set to create, adding a problem for each field that cannot be read. */
	FactorSetInput input(List<FieldProblem> problems) {
		Double number = null;
		if (this.value != null && !this.value.isBlank()) {
			try {
				number = Double.valueOf(this.value.strip().replace(',', '.'));
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem("values[0].value", "is not a number"));
			}
		}
		String scope = scope();
		if (scope == null) {
			problems.add(new FieldProblem("values[0].scope", "the provider, service and unit must all be given"));
		}
		FactorSetInput.Value row = new FactorSetInput.Value(FactorKind.SERVICE_ENERGY.name(), scope, number,
				FactorKind.SERVICE_ENERGY.unit(), date(this.validFrom, "values[0].validFrom", problems),
				date(this.validTo, "values[0].validTo", problems), this.source, this.notes);
		return new FactorSetInput(this.name, "Energy per " + this.unit + " of " + this.service + " (" + this.provider
				+ "), entered from a data issue", null, List.of(row));
	}

	private static @Nullable LocalDate date(@Nullable String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "is not a date (yyyy-mm-dd)"));
			return null;
		}
	}

	/** The field's label in the form, for a problem's field path. */
	static String label(String field) {
		return switch (field.replaceFirst("^values\\[0\\]\\.", "").toLowerCase(Locale.ROOT)) {
			case "name" -> "Name of the factor set";
			case "value" -> "Energy per unit (kWh)";
			case "source" -> "Source";
			case "validfrom" -> "Valid from";
			case "validto" -> "Valid to";
			case "scope" -> "Service and unit";
			default -> field;
		};
	}

}

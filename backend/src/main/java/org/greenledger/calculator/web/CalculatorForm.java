package org.greenledger.calculator.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.calculator.EstimateRequest;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * The calculator form as typed (all text, so that a wrong number is reported, not lost):
 * one usage line, a location and optional overrides. An instance type is of the
 * location's provider.
 */
record CalculatorForm(@Nullable String type, @Nullable String quantity, @Nullable String model,
		@Nullable String averagePowerWatts, @Nullable String utilization, @Nullable String storageType,
		@Nullable String provider, @Nullable String region, @Nullable String gridZone, @Nullable String country,
		@Nullable String year, @Nullable String pue, @Nullable String gridIntensityGramsPerKwh,
		@Nullable String marketFactorGramsPerKwh, @Nullable String wueLitersPerKwh, @Nullable String ewifLitersPerKwh,
		@Nullable String instanceType) {

	static CalculatorForm empty() {
		return new CalculatorForm("ACCELERATOR_HOURS", "", "", "", "", "", "aws", "", "", "", "", "", "", "", "", "",
				"");
	}

	/** The request this form describes, or the fields that are not numbers. */
	EstimateRequest toRequest(List<FieldProblem> problems) {
		Numbers numbers = new Numbers(problems);
		EstimateRequest.UsageLine line = new EstimateRequest.UsageLine(text(this.type),
				numbers.decimal("usage[0].quantity", this.quantity), text(this.model),
				numbers.decimal("usage[0].averagePowerWatts", this.averagePowerWatts),
				numbers.decimal("usage[0].utilization", this.utilization), text(this.storageType),
				(text(this.instanceType) != null) ? text(this.provider) : null, text(this.instanceType));
		EstimateRequest.LocationSpec location = null;
		if (text(this.region) != null) {
			location = new EstimateRequest.LocationSpec(text(this.provider), text(this.region), null, null);
		}
		else if (text(this.gridZone) != null) {
			location = new EstimateRequest.LocationSpec(null, null, text(this.gridZone), null);
		}
		else if (text(this.country) != null) {
			location = new EstimateRequest.LocationSpec(null, null, null, text(this.country));
		}
		Double parsedYear = numbers.decimal("year", this.year);
		return new EstimateRequest(List.of(line), location, (parsedYear != null) ? parsedYear.intValue() : null,
				numbers.decimal("pue", this.pue),
				numbers.decimal("gridIntensityGramsPerKwh", this.gridIntensityGramsPerKwh),
				numbers.decimal("marketFactorGramsPerKwh", this.marketFactorGramsPerKwh),
				numbers.decimal("wueLitersPerKwh", this.wueLitersPerKwh),
				numbers.decimal("ewifLitersPerKwh", this.ewifLitersPerKwh), null);
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private record Numbers(List<FieldProblem> problems) {

		@Nullable Double decimal(String field, @Nullable String value) {
			String text = text(value);
			if (text == null) {
				return null;
			}
			try {
				return Double.valueOf(text.replace(",", ""));
			}
			catch (NumberFormatException ex) {
				this.problems.add(new FieldProblem(field, "'" + text + "' is not a number"));
				return null;
			}
		}

	}

	static List<FieldProblem> newProblems() {
		return new ArrayList<>();
	}

}

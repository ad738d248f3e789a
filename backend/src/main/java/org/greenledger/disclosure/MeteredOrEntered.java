package org.greenledger.disclosure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An EU data-centre indicator that the site's meters measure or the operator enters for
 * the year (waste heat reused, its temperature, on-site renewable generation): metered
 * wins over entered, and the source says which was used (and, when both exist, that the
 * entered value was not), so that the tier follows: 1 for metered, 2 for entered.
 */
final class MeteredOrEntered {

	private MeteredOrEntered() {
	}

	/**
	 * @param metered the meters' sum over the report's dates (0 when they measured
	 * nothing)
	 * @param meters which meters, for the source
	 * @param entered the value entered for the year, if any
	 * @param inputName the entered field's name, for what is missing
	 */
	static EuIndicator of(String field, String name, String unit, String reference, double metered, String meters,
			EuDataCentreIndicators.Entered input, @Nullable Double entered, String inputName) {
		if (metered > 0) {
			return new EuIndicator(field, name, unit, reference, metered,
					EuDataCentreIndicators.METERED + meters + notUsed(entered, inputName));
		}
		return new EuIndicator(field, name, unit, reference, entered,
				(entered != null) ? input.enteredSource() : input.missingSource(inputName) + ", or upload "
						+ meters.replace(", sites' measured months", "") + " readings");
	}

	/**
	 * TEMP-WASTE-HEAT: the heat-weighted mean of the registered temperatures of the
	 * waste-heat meters that measured heat (tier 2: the temperature is registered with
	 * the meter, not metered), else the value entered for the year.
	 */
	static EuIndicator temperature(EnergyMix.SiteEnergy energy, EuDataCentreIndicators.Entered input,
			@Nullable Double entered) {
		String field = "TEMP-WASTE-HEAT";
		String name = "Average waste heat temperature";
		Double registered = energy.wasteHeatTemperatureC();
		if (energy.wasteHeatKwh() > 0 && registered != null) {
			return new EuIndicator(field, name, "degC", EuDataCentreIndicators.ANNEX_II, registered,
					"registered with the waste-heat meters: their temperatures weighted by the heat they measured"
							+ notUsed(entered, "wasteHeatTemperatureC"),
					2);
		}
		return new EuIndicator(field, name, "degC", EuDataCentreIndicators.ANNEX_II, entered,
				(entered != null) ? input.enteredSource() : input.missingSource("wasteHeatTemperatureC")
						+ ", or register the waste-heat meter with its temperature (temperatureC)");
	}

	private static String notUsed(@Nullable Double entered, String input) {
		return (entered != null)
				? String.format(Locale.ROOT, " (the entered %s of %s is not used: metered wins)", input, entered) : "";
	}

}

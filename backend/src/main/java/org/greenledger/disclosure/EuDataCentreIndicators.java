package org.greenledger.disclosure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.sites.EuIndicatorValues;
import org.greenledger.sites.EuIndicators;
import org.greenledger.sites.Site;

/**
 * Every indicator of the EU data-centre report (Delegated Regulation (EU) 2024/1364,
 * Annexes I and II) for one site and calendar year, from the site register, the site's
 * measured months and the values entered for the year, and the four sustainability
 * indicators the regulation derives from them (Annex III): PUE (ISO/IEC 30134-2, EN
 * 50600-4-2), WUE (ISO/IEC 30134-9, EN 50600-4-9), ERF (ISO/IEC 30134-6, EN 50600-4-6)
 * and REF (ISO/IEC 30134-3, EN 50600-4-3).
 */
final class EuDataCentreIndicators {

	static final String REGULATION = "Delegated Regulation (EU) 2024/1364";

	static final String ANNEX_I = REGULATION + ", Annex I";

	static final String ANNEX_II = REGULATION + ", Annex II";

	static final String ANNEX_III = REGULATION + ", Annex III";

	static final String METERED = "measured: ";

	private EuDataCentreIndicators() {
	}

	/**
	 * The indicators of the site for the year.
	 * @param operator the organisation operating the site
	 * @param energy the site's measured energy and water over the report's dates
	 * @param entered the values entered for the year, if any
	 */
	static List<EuIndicator> of(String operator, EnergyMix.SiteEnergy energy, @Nullable EuIndicators entered,
			int year) {
		Site site = energy.site();
		EuIndicatorValues values = (entered != null) ? entered.values() : new EuIndicatorValues(null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
		Entered input = new Entered(site, year, values);
		List<EuIndicator> rows = new ArrayList<>();
		rows.add(new EuIndicator("NAME", "Name of the data centre", "", ANNEX_I, site.name(),
				"site register (" + site.code() + ")"));
		rows.add(new EuIndicator("OPERATOR", "Owner and operator", "", ANNEX_I, operator,
				"organisation (greenledger.organisation-name)"));
		String location = (site.country() != null) ? site.country() : null;
		rows.add(new EuIndicator("COUNTRY", "Country of the data centre", "", ANNEX_I, location,
				(location != null) ? "site register (" + site.code() + ")"
						: "missing: the site's country (ISO 3166-1 alpha-2) is not registered"));
		rows.add(new EuIndicator("TYPE", "Type of data centre", "", ANNEX_I, "enterprise data centre",
				"site register: kind OWN (operated for the organisation's own IT)"));
		rows.add(input.number("PDIT", "Installed information technology power demand", "kW", ANNEX_I,
				values.installedItPowerKw(), "installedItPowerKw"));
		rows.add(input.number("AREA-TOTAL", "Data centre total floor area", "m2", ANNEX_I, values.totalFloorAreaM2(),
				"totalFloorAreaM2"));
		rows.add(input.number("AREA-COMPUTER-ROOM", "Computer room floor area", "m2", ANNEX_I,
				values.computerRoomFloorAreaM2(), "computerRoomFloorAreaM2"));
		rows.add(input.text("REDUNDANCY", "Redundancy level of power and cooling", ANNEX_I, values.redundancyLevel(),
				"redundancyLevel"));
		rows.add(input.text("GRID-SUPPORT", "Grid support capability (demand response, frequency response)", ANNEX_I,
				values.gridSupport(), "gridSupport"));
		EuIndicator onsite = MeteredOrEntered.of("ERES-OS", "Renewable energy consumption from on-site generation",
				"kWh", ANNEX_II, energy.onSiteRenewableKwh(),
				"on-site renewable generation meters, sites' measured months", input, values.renewableOnsiteKwh(),
				"renewableOnsiteKwh");
		rows.add(edc(energy, onsite));
		double eit = energy.itKwh();
		rows.add(new EuIndicator("EIT", "Total energy consumption of information technology equipment", "kWh", ANNEX_II,
				(eit > 0) ? eit : null, (eit > 0) ? METERED + "IT-load meters, sites' measured months"
						: "missing: no IT-load meter readings for the period"));
		Double win;
		String winSource;
		if (energy.waterLitres() > 0) {
			win = energy.waterLitres() / 1000;
			winSource = METERED + "water-intake meters, sites' measured months";
		}
		else if (values.waterInputM3() != null) {
			win = values.waterInputM3();
			winSource = input.enteredSource();
		}
		else {
			win = null;
			winSource = input.missingSource("waterInputM3") + ", or upload water-intake meter readings";
		}
		rows.add(new EuIndicator("WIN", "Total water input", "m3", ANNEX_II, win, winSource));
		rows.add(input.number("WIN-POT", "Total potable water input", "m3", ANNEX_II, values.potableWaterM3(),
				"potableWaterM3"));
		rows.add(input.text("WATER-SOURCES", "Sources of the water input", ANNEX_II, values.waterSources(),
				"waterSources"));
		rows.add(MeteredOrEntered.of("EREUSE", "Waste heat reused", "kWh", ANNEX_II, energy.wasteHeatKwh(),
				"waste-heat-reused meters, sites' measured months", input, values.wasteHeatReusedKwh(),
				"wasteHeatReusedKwh"));
		rows.add(MeteredOrEntered.temperature(energy, input, values.wasteHeatTemperatureC()));
		rows.add(input.number("TEMP-SETPOINT", "Average set point of IT equipment intake air temperature", "degC",
				ANNEX_II, values.intakeSetpointC(), "intakeSetpointC"));
		EuIndicator goo = input.number("ERES-GOO", "Renewable energy consumption from guarantees of origin", "kWh",
				ANNEX_II, values.renewableGooKwh(), "renewableGooKwh");
		EuIndicator ppa = input.number("ERES-PPA", "Renewable energy consumption from power purchase agreements", "kWh",
				ANNEX_II, values.renewablePpaKwh(), "renewablePpaKwh");
		Double eres = (goo.missing() || ppa.missing() || onsite.missing()) ? null
				: goo.number() + ppa.number() + onsite.number();
		rows.add(new EuIndicator("ERES-TOT", "Total renewable energy consumption", "kWh", ANNEX_II, eres,
				(eres != null) ? "computed: ERES-GOO + ERES-PPA + ERES-OS"
						: "missing: needs ERES-GOO, ERES-PPA and ERES-OS",
				(eres != null) ? Math.max(goo.tier(), Math.max(ppa.tier(), onsite.tier())) : 0));
		rows.add(goo);
		rows.add(ppa);
		rows.add(onsite);
		rows.add(input.number("TRAFFIC-IN", "Incoming data traffic", "TB", ANNEX_II, values.trafficInTb(),
				"trafficInTb"));
		rows.add(input.number("TRAFFIC-OUT", "Outgoing data traffic", "TB", ANNEX_II, values.trafficOutTb(),
				"trafficOutTb"));
		rows.add(input.number("DATA-STORED", "Data stored", "TB", ANNEX_II, values.dataStoredTb(), "dataStoredTb"));
		rows.add(input.number("DATA-PROCESSED", "Data processed", "TB", ANNEX_II, values.dataProcessedTb(),
				"dataProcessedTb"));
		EuIndicator edcRow = find(rows, "EDC");
		EuIndicator eitRow = find(rows, "EIT");
		EuIndicator winRow = find(rows, "WIN");
		EuIndicator reuseRow = find(rows, "EREUSE");
		EuIndicator eresRow = find(rows, "ERES-TOT");
		rows.add(ratio("PUE", "Power usage effectiveness", "", "ISO/IEC 30134-2, EN 50600-4-2; " + ANNEX_III, edcRow,
				eitRow, 1, "EDC / EIT"));
		rows.add(ratio("WUE", "Water usage effectiveness", "L/kWh", "ISO/IEC 30134-9, EN 50600-4-9; " + ANNEX_III,
				winRow, eitRow, 1000, "WIN (litres) / EIT"));
		rows.add(ratio("ERF", "Energy reuse factor", "", "ISO/IEC 30134-6, EN 50600-4-6; " + ANNEX_III, reuseRow,
				edcRow, 1, "EREUSE / EDC"));
		rows.add(ratio("REF", "Renewable energy factor", "", "ISO/IEC 30134-3, EN 50600-4-3; " + ANNEX_III, eresRow,
				edcRow, 1, "ERES-TOT / EDC"));
		return rows;
	}

	/**
	 * EDC, the data centre's total energy consumption (EN 50600-4-2 and ISO/IEC 30134-2:
	 * all energy crossing the data centre's boundary; an on-site generator metered at its
	 * output is outside the boundary, so its output consumed by the data centre counts):
	 * the electricity of the facility-total meters (the draw from the grid), plus the
	 * on-site renewable generation consumed (ERES-OS, metered or entered: it is not in
	 * the grid meter), plus the generator fuel at its energy content. The tier is the
	 * worst of the parts that add something.
	 */
	private static EuIndicator edc(EnergyMix.SiteEnergy energy, EuIndicator onsite) {
		double grid = energy.electricityKwh() + energy.fuelKwh();
		if (grid <= 0) {
			return new EuIndicator("EDC", "Total energy consumption", "kWh", ANNEX_II, null,
					"missing: no facility-total meter readings for the period");
		}
		StringBuilder source = new StringBuilder(METERED + "facility-total meters (electricity from the grid)");
		double onsiteKwh = (onsite.number() != null) ? onsite.number() : 0;
		int tier = 1;
		if (onsiteKwh > 0) {
			source.append(" plus on-site renewable generation consumed (ERES-OS, ")
				.append(onsite.source().startsWith(METERED) ? "metered" : "entered for the year")
				.append(")");
			tier = Math.max(tier, onsite.tier());
		}
		else if (onsite.missing()) {
			source.append(" (no on-site generation metered or entered: ERES-OS is missing)");
		}
		if (energy.fuelKwh() > 0) {
			source.append(" plus generator fuel (diesel energy content)");
		}
		source.append(", sites' measured months");
		return new EuIndicator("EDC", "Total energy consumption", "kWh", ANNEX_II, grid + onsiteKwh, source.toString(),
				tier);
	}

	private static EuIndicator find(List<EuIndicator> rows, String field) {
		return rows.stream()
			.filter(row -> row.field().equals(field))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no indicator " + field));
	}

	/**
	 * numerator x scale / denominator, computed when both have a value; its tier is the
	 * worse of the two inputs' tiers.
	 */
	private static EuIndicator ratio(String field, String name, String unit, String reference, EuIndicator numerator,
			EuIndicator denominator, double scale, String formula) {
		Double top = numerator.number();
		Double bottom = denominator.number();
		if (top == null || bottom == null || bottom <= 0) {
			return new EuIndicator(field, name, unit, reference, null, "missing: " + formula + " needs both values");
		}
		return new EuIndicator(field, name, unit, reference, top * scale / bottom, "computed: " + formula,
				Math.max(numerator.tier(), denominator.tier()));
	}

	/** The values entered for the year, with their source or what is missing. */
	record Entered(Site site, int year, EuIndicatorValues values) {

		EuIndicator number(String field, String name, String unit, String reference, @Nullable Double value,
				String input) {
			return new EuIndicator(field, name, unit, reference, value,
					(value != null) ? enteredSource() : missingSource(input));
		}

		EuIndicator text(String field, String name, String reference, @Nullable String value, String input) {
			return new EuIndicator(field, name, "", reference, value,
					(value != null) ? enteredSource() : missingSource(input));
		}

		String enteredSource() {
			return "entered for " + this.year + ": " + this.values.evidence();
		}

		String missingSource(String input) {
			return "missing: enter '" + input + "' for site " + this.site.code() + " and " + this.year
					+ " (PUT /api/v1/sites/" + this.site.code() + "/eu-indicators/" + this.year + ")";
		}

	}

}

package org.greenledger.ingestion;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.measured.CodeCarbonRun;
import org.greenledger.core.measured.Quantity;

/**
 * What a measured file held in total, to reconcile with the source: energy, water and
 * fuel as read, GreenLedger's impacts, and, for CodeCarbon, the tool's own emissions and
 * water beside GreenLedger's recalculation.
 */
final class MeasuredTotals {

	private double energyKwh;

	private double waterLitres;

	private double fuelLitres;

	private double facilityKwh;

	private double locationKg;

	private double marketKg;

	private double embodiedKg;

	private double waterOnSiteLitres;

	private double waterOffSiteLitres;

	private long hourlyLines;

	private long lines;

	private int runs;

	private double reportedCo2eKg;

	private double reportedWaterLitres;

	private double runsRecalculatedKg;

	void add(Quantity quantity, double amount, @Nullable ImpactLine impact, @Nullable CodeCarbonRun run) {
		this.lines++;
		switch (quantity) {
			case ENERGY -> this.energyKwh += amount;
			case WATER -> this.waterLitres += amount;
			case FUEL -> this.fuelLitres += amount;
		}
		if (impact != null) {
			this.facilityKwh += impact.facilityEnergy().kilowattHours();
			this.locationKg += impact.locationBased().kilograms();
			this.marketKg += impact.marketBased().kilograms();
			this.embodiedKg += impact.embodied().kilograms();
			this.waterOnSiteLitres += impact.waterOnSite().liters();
			this.waterOffSiteLitres += impact.waterOffSite().liters();
		}
		if (run != null) {
			this.runs++;
			this.reportedCo2eKg += run.reportedCo2eKg();
			this.reportedWaterLitres += (run.waterLitres() != null) ? run.waterLitres() : 0;
			this.runsRecalculatedKg += (impact != null) ? impact.locationBased().kilograms() : 0;
		}
	}

	void hourly() {
		this.hourlyLines++;
	}

	Map<String, Object> describe() {
		Map<String, Object> totals = new LinkedHashMap<>();
		totals.put("lines", this.lines);
		totals.put("energyKwh", this.energyKwh);
		totals.put("waterLitres", this.waterLitres);
		totals.put("fuelLitres", this.fuelLitres);
		totals.put("facilityKwh", this.facilityKwh);
		totals.put("co2eLocationKg", this.locationKg);
		totals.put("co2eMarketKg", this.marketKg);
		totals.put("co2eEmbodiedKg", this.embodiedKg);
		totals.put("waterOnSiteLitres", this.waterOnSiteLitres);
		totals.put("waterOffSiteLitres", this.waterOffSiteLitres);
		totals.put("linesWithHourlyIntensity", this.hourlyLines);
		if (this.runs > 0) {
			totals.put("codecarbonRuns", this.runs);
			totals.put("codecarbonReportedCo2eKg", this.reportedCo2eKg);
			totals.put("codecarbonReportedWaterLitres", this.reportedWaterLitres);
			totals.put("greenledgerCo2eLocationKgOfRuns", this.runsRecalculatedKg);
		}
		return totals;
	}

}

package org.greenledger.dashboard;

import java.util.List;
import java.util.Map;

import org.greenledger.ingestion.UploadedFiles;
import org.greenledger.ledger.DataIssues;

/**
 * Everything the dashboard shows for a period.
 *
 * @param hasData whether anything has been ingested or measured in the period
 * @param months location-based CO2e per month and scope
 * @param coverage which source holds data for which month of the period
 * @param byProvider cloud CO2e (location-based + embodied) per provider
 * @param byWorkload CO2e (location-based + embodied) per AI workload
 * @param movers the services whose CO2e changed most against the previous period
 * @param qualityShares share of CO2e per data-quality tier 1 to 5
 */
record DashboardView(DashboardPeriod period, DashboardPeriod previous, boolean hasData, List<KeyFigure> figures,
		List<MonthRow> months, CoverageGrid.Grid coverage, List<Share> byProvider, List<Share> byRegion,
		List<Share> byOrgUnit, List<Share> byWorkload, List<Mover> movers, Map<Integer, Double> qualityShares,
		List<DataIssues.Group> costOnlyIssues, List<UploadedFiles.RejectedFile> rejectedFiles) {

	/**
	 * One month's location-based CO2e by scope, in kg.
	 *
	 * @param hasData whether any source holds data for the month (a month without is
	 * shown as "no data", not as zero)
	 */
	record MonthRow(String month, double scope1Kg, double scope2Kg, double scope3Kg, double embodiedKg,
			boolean hasData) {

		public double totalKg() {
			return this.scope1Kg + this.scope2Kg + this.scope3Kg + this.embodiedKg;
		}

	}

	/** One part of a breakdown: its CO2e in kg and its share of the breakdown's total. */
	record Share(String key, double co2eKg, double share) {
	}

	/** A service's CO2e in both periods, in kg. */
	record Mover(String service, double currentKg, double previousKg) {

		public double changeKg() {
			return this.currentKg - this.previousKg;
		}

	}

}

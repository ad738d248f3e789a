package org.greenledger.disclosure;

import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.inventory.GhgInventory;
import org.greenledger.reports.Document;

/** The methodology and sources every disclosure document carries. */
final class Methodology {

	private Methodology() {
	}

	/**
	 * The methodology of a document whose figures are not the organisation's inventory
	 * (sites' energy, a workload's footprint): always GreenLedger's own estimates.
	 */
	static void add(Document.Builder document) {
		common(document);
		document.methodology("Choice of figure",
				"The figures of this document are GreenLedger's estimates. An"
						+ " organisation's choice to report a cloud provider's own figure instead applies to its GHG"
						+ " inventory (the GHG inventory and ESRS documents), not to this document.");
	}

	/**
	 * The methodology of a document of the organisation's inventory, with the choice of
	 * figure of its months.
	 */
	static void add(Document.Builder document, GhgInventory inventory) {
		common(document);
		document.methodology("Choice of figure", FigureChoiceText.describe(inventory.providerFigures()));
		document.methodology("Reconciliation with the providers' figures", "The cloud providers' own figures (AWS"
				+ " Data Exports CARBON_EMISSIONS and Sustainability API, Google Cloud Carbon Footprint export, Azure"
				+ " carbon optimization reports) are imported as provider-reported lines (data-quality tier 2) and"
				+ " compared with GreenLedger's estimate of the same provider's usage over whole months: provider"
				+ " total (Scope 1 + 2 + 3) minus GreenLedger's operational plus embodied figure, split into named,"
				+ " quantified causes (months, accounts, services or regions on one side only; what each side puts"
				+ " in Scope 3) and the unexplained rest, which is never hidden. The providers' figures are a second"
				+ " view of the same activity and never added to GreenLedger's.");
	}

	private static void common(Document.Builder document) {
		document.methodology("Calculation", "Every figure is activity times factors, calculated by GreenLedger's"
				+ " method version " + FootprintEngine.METHOD_VERSION + ". Cloud usage (vCPU-, memory-, storage- and"
				+ " accelerator-hours, data transfer) becomes IT energy with the Cloud Carbon Footprint coefficients"
				+ " and accelerator data sheets; facility energy = IT energy x PUE; location-based CO2e = facility"
				+ " energy x grid intensity (Ember and Electricity Maps yearly averages, or imported hourly intensity);"
				+ " market-based CO2e follows the GHG Protocol Scope 2 Guidance hierarchy; embodied CO2e is amortized"
				+ " over the hardware's life (SCI, ISO/IEC 21031); water on site = IT energy x WUE, off site ="
				+ " facility energy x EWIF. Services without a usage mapping use US EPA spend-based factors (tier 4).");
		document.methodology("Sites", "Measured months of own and colocated sites: PUE = (facility-total grid"
				+ " electricity + on-site renewable generation consumed) / IT-load metered energy (ISO/IEC 30134-2),"
				+ " WUE = water intake / IT-load energy (ISO/IEC 30134-9), Scope 1 ="
				+ " diesel litres x 2.7058 kg CO2e/L (US EPA GHG Emission Factors Hub 2024, AR5 GWPs), Scope 2"
				+ " market-based from energy attribute certificates, PPAs, green tariffs, supplier-specific rates and"
				+ " residual mixes recorded per site and period.");
		document.methodology("Sources and licences", "Ember yearly electricity data (CC BY-SA 4.0) and Electricity"
				+ " Maps yearly zone data (ODbL) via @tgwf/co2 0.19.0; Cloud Carbon Footprint coefficients"
				+ " (Apache-2.0); US EPA Supply Chain GHG Emission Factors v1.3 and GHG Emission Factors Hub 2024"
				+ " (public domain); provider PUE and WUE disclosures; Federal Reserve G.5A exchange rates. The"
				+ " factor datasets and versions used are listed under provenance; docs/factors.md gives each source.");
	}

}

package org.greenledger.disclosure;

import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.reports.Document;

/** The methodology and sources every disclosure document carries. */
final class Methodology {

	private Methodology() {
	}

	static void add(Document.Builder document) {
		document.methodology("Calculation", "Every figure is activity times factors, calculated by GreenLedger's"
				+ " method version " + FootprintEngine.METHOD_VERSION + ". Cloud usage (vCPU-, memory-, storage- and"
				+ " accelerator-hours, data transfer) becomes IT energy with the Cloud Carbon Footprint coefficients"
				+ " and accelerator data sheets; facility energy = IT energy x PUE; location-based CO2e = facility"
				+ " energy x grid intensity (Ember and Electricity Maps yearly averages, or imported hourly intensity);"
				+ " market-based CO2e follows the GHG Protocol Scope 2 Guidance hierarchy; embodied CO2e is amortized"
				+ " over the hardware's life (SCI, ISO/IEC 21031); water on site = IT energy x WUE, off site ="
				+ " facility energy x EWIF. Services without a usage mapping use US EPA spend-based factors (tier 4).");
		document.methodology("Sites", "Measured months of own and colocated sites: PUE = facility-total / IT-load"
				+ " metered energy (ISO/IEC 30134-2), WUE = water intake / IT-load energy (ISO/IEC 30134-9), Scope 1 ="
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

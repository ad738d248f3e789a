package org.greenledger.disclosure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.inventory.GhgInventory;
import org.greenledger.reports.Section;

/**
 * One section of the ESRS document: its content and the figures it reports, each with its
 * datapoint reference (collected into the document's appendix). The document is the list
 * of its sections ({@link EsrsDocument#sections}); a disclosure requirement is added by
 * adding a section there.
 */
interface EsrsSection {

	Part build(Facts facts);

	/** What every section is built from. */
	record Facts(GhgInventory inventory, List<EnergyMix.SiteEnergy> sites, @Nullable RevenueBasis netRevenue,
			EsrsVersion version) {

		/** A figure's datapoint with its value, reference and source in GreenLedger. */
		Datapoint datapoint(EsrsFigure figure, @Nullable Double value, String source) {
			return new Datapoint(this.version.key(figure), figure.label(), value, figure.unit(),
					this.version.reference(figure), this.version.confirmation(figure), source);
		}

	}

	/** A section and the figures it reports. */
	record Part(Section section, List<Datapoint> datapoints) {

		Part(Section section) {
			this(section, List.of());
		}

	}

	/**
	 * One reported figure: its key in the report's figures, label, value (null when not
	 * reported), unit, ESRS reference, how far the reference is confirmed, and where the
	 * value comes from in GreenLedger.
	 */
	record Datapoint(String key, String label, @Nullable Double value, String unit, String reference,
			String confirmation, String source) {
	}

}

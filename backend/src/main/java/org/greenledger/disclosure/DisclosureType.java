package org.greenledger.disclosure;

/** The disclosure documents GreenLedger produces. */
public enum DisclosureType {

	/** GHG inventory of AI and cloud compute (GHG Protocol). */
	GHG_INVENTORY("GHG inventory: AI and cloud compute"),

	/**
	 * ESRS energy, GHG emissions, GHG intensity and water datapoints (first set or
	 * revised).
	 */
	ESRS("ESRS datapoints: energy, GHG emissions and intensity, water"),

	/**
	 * EU Energy Efficiency Directive data-centre report (Delegated Regulation (EU)
	 * 2024/1364).
	 */
	EED_DATACENTRE("EU EED data-centre report (Delegated Regulation (EU) 2024/1364)"),

	/** AI model footprint card (EU AI Act Annex XI, section 1, point 2(e)). */
	AI_MODEL_CARD("AI model footprint card (EU AI Act Annex XI 1(2)(e))");

	private final String title;

	DisclosureType(String title) {
		this.title = title;
	}

	public String title() {
		return this.title;
	}

}

package org.greenledger.disclosure;

/** The disclosure documents GreenLedger produces. */
public enum DisclosureType {

	/** GHG inventory of AI and cloud compute (GHG Protocol). */
	GHG_INVENTORY("Greenhouse gas inventory", "GHG inventory: AI and cloud compute"),

	/**
	 * ESRS energy, GHG emissions, GHG intensity and water datapoints (first set or
	 * revised).
	 */
	ESRS("ESRS climate and water datapoints", "ESRS datapoints: energy, GHG emissions and intensity, water"),

	/**
	 * EU Energy Efficiency Directive data-centre report (Delegated Regulation (EU)
	 * 2024/1364).
	 */
	EED_DATACENTRE("EU data-centre energy efficiency report",
			"EU EED data-centre report (Delegated Regulation (EU) 2024/1364)"),

	/** AI model footprint card (EU AI Act Annex XI, section 1, point 2(e)). */
	AI_MODEL_CARD("AI model footprint card", "AI model footprint card (EU AI Act Annex XI 1(2)(e))");

	private final String label;

	private final String title;

	DisclosureType(String label, String title) {
		this.label = label;
		this.title = title;
	}

	/**
	 * The kind of document as readers name it, for example "Greenhouse gas inventory":
	 * printed above the title, in the PDF's subject and the workbook's properties, never
	 * the code.
	 */
	public String label() {
		return this.label;
	}

	/** The document's title. */
	public String title() {
		return this.title;
	}

}

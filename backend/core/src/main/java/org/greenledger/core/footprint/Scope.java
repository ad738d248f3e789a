package org.greenledger.core.footprint;

/** GHG Protocol scope (and Scope 3 category) of an impact; methodology section 6. */
public enum Scope {

	/** Fuel burnt on site, such as backup generators. */
	SCOPE_1("Scope 1"),
	/** Electricity bought for own or colocated data centres. */
	SCOPE_2("Scope 2"),
	/**
	 * Purchased goods and services: cloud and AI API services, operational and embodied.
	 */
	SCOPE_3_CATEGORY_1("Scope 3, category 1"),
	/** Capital goods: purchased IT hardware. */
	SCOPE_3_CATEGORY_2("Scope 3, category 2");

	private final String label;

	Scope(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}

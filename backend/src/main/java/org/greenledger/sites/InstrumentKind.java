package org.greenledger.sites;

/**
 * Contractual instruments of market-based Scope 2 (GHG Protocol Scope 2 Guidance, quality
 * criteria and hierarchy).
 */
public enum InstrumentKind {

	/**
	 * Energy attribute certificates (guarantees of origin, RECs, I-RECs) for an amount.
	 */
	EAC,

	/** A power purchase agreement with its attributes retained, for an amount. */
	PPA,

	/** A green tariff or supplier product with its own emission rate, for an amount. */
	GREEN_TARIFF,

	/** The supplier's emission rate for all electricity it delivers to the site. */
	SUPPLIER_SPECIFIC,

	/**
	 * The residual mix of the site's market, for electricity no other instrument covers.
	 */
	RESIDUAL_MIX;

	/** Whether the instrument covers a stated amount of energy (and needs one). */
	public boolean coversAnAmount() {
		return this == EAC || this == PPA || this == GREEN_TARIFF;
	}

}

package org.greenledger.core.footprint;

/** Data-quality tier of an impact line (methodology section 7); 1 is best. */
public enum DataQuality {

	METERED(1), SUPPLIER_REPORTED(2), USAGE_ESTIMATE(3), SPEND_ESTIMATE(4), DEFAULT_PROXY(5);

	private final int tier;

	DataQuality(int tier) {
		this.tier = tier;
	}

	public int tier() {
		return this.tier;
	}

	/** The worse of two tiers: a result is only as good as its weakest input. */
	public DataQuality worse(DataQuality other) {
		return (other.tier > this.tier) ? other : this;
	}

}

package org.greenledger.sites;

/** What kind of place a site is. */
public enum SiteKind {

	/** A data centre the organisation operates. */
	OWN,

	/** Space in a colocation data centre. */
	COLOCATED,

	/**
	 * A public cloud region where the organisation records its own telemetry (the
	 * provider's PUE, WUE and grid apply).
	 */
	CLOUD

}

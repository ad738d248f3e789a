package org.greenledger.reduction;

/** Which Scope 2 (and cloud operational) figure a target counts. */
public enum Basis {

	LOCATION, MARKET

}

package org.greenledger.ledger;

/**
 * How an upload treats rows of earlier uploads for the same provider, account and billing
 * month.
 */
public enum Overlap {

	/**
	 * A corrected re-export: the earlier rows are replaced (and the replacement audited).
	 */
	REPLACE,

	/** Another part of the same export: the rows are added to the earlier ones. */
	APPEND

}

package org.greenledger.procurement.pact;

/**
 * What a supplier footprint is about, as far as GreenLedger needs to know: a physical
 * good, or an IT service billed by time, data or energy. See
 * {@link ProductFootprint#kind()} for the rule.
 */
public enum FootprintKind {

	/**
	 * A physical product: declared per kilogram, piece, liter, square meter and so on.
	 */
	HARDWARE,

	/** An IT service: declared per hour, megabit second or kilowatt hour. */
	IT_SERVICE

}

package org.greenledger.procurement.pact;

/**
 * The major version of the PACT technical specifications a footprint follows, taken from
 * its {@code specVersion} ({@code 2.x.y} or {@code 3.x.y}).
 */
public enum PactSpec {

	/** Tech specs 2.0 to 2.3: {@code declaredUnit}, {@code unitaryProductAmount}. */
	V2,

	/** Tech specs 3.x: {@code declaredUnitOfMeasurement}, {@code declaredUnitAmount}. */
	V3

}

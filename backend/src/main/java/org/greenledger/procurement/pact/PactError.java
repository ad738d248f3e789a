package org.greenledger.procurement.pact;

/**
 * One problem found in a PACT document.
 *
 * @param path JSON path of the field at fault, for example {@code $[2].pcf.declaredUnit};
 * {@code $} for the document as a whole
 * @param message what is wrong
 */
public record PactError(String path, String message) {

	@Override
	public String toString() {
		return this.path + ": " + this.message;
	}

}

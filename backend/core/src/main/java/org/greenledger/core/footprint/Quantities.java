package org.greenledger.core.footprint;

/** Checks shared by the quantity value types. */
final class Quantities {

	private Quantities() {
	}

	static double finiteNonNegative(double value, String what) {
		if (!Double.isFinite(value) || value < 0) {
			throw new IllegalArgumentException(what + " must be a finite, non-negative number, but was " + value);
		}
		return value;
	}

	static double positive(double value, String what) {
		if (!Double.isFinite(value) || value <= 0) {
			throw new IllegalArgumentException(what + " must be a finite, positive number, but was " + value);
		}
		return value;
	}

}

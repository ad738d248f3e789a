package org.greenledger.core.factors;

/** The shipped factor library, loaded once for tests and benchmarks outside Spring. */
public final class TestFactorLibraries {

	private static final FactorLibrary SHIPPED = FactorLibraryLoader.shipped();

	private TestFactorLibraries() {
	}

	public static FactorLibrary shipped() {
		return SHIPPED;
	}

}

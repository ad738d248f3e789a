package org.greenledger.factors;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The shipped factor library, loaded once for tests and benchmarks outside Spring. */
public final class TestFactorLibraries {

	private static final FactorLibrary SHIPPED = FactorLibraryLoader.load(new PathMatchingResourcePatternResolver());

	private TestFactorLibraries() {
	}

	public static FactorLibrary shipped() {
		return SHIPPED;
	}

}

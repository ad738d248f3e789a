package org.greenledger.factors;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.greenledger.core.factors.FactorDataException;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.FactorLibraryLoader;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The factor datasets found on the application's class path
 * ({@code classpath*:factors/*.dataset.properties}, shipped in greenledger-core), loaded
 * by the plain-Java {@link FactorLibraryLoader}.
 */
public final class FactorDatasetResources {

	private FactorDatasetResources() {
	}

	public static FactorLibrary load(ResourcePatternResolver resolver) {
		List<String> manifests;
		try {
			manifests = Arrays.stream(resolver.getResources("classpath*:factors/*.dataset.properties"))
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.toList();
		}
		catch (IOException ex) {
			throw new FactorDataException("Could not list the factor datasets: " + ex.getMessage(), ex);
		}
		return FactorLibraryLoader.load(manifests,
				name -> resolver.getResource("classpath:factors/" + name).getInputStream());
	}

}

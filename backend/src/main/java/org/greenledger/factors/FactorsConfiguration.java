package org.greenledger.factors;

import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.LibraryFactorLookup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

@Configuration(proxyBeanMethods = false)
class FactorsConfiguration {

	@Bean
	FactorLibrary factorLibrary(ResourcePatternResolver resolver) {
		return FactorDatasetResources.load(resolver);
	}

	@Bean
	LibraryFactorLookup libraryFactorLookup(FactorLibrary library) {
		return new LibraryFactorLookup(library);
	}

}

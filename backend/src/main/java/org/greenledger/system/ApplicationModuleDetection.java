package org.greenledger.system;

import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModuleDetectionStrategy;
import org.springframework.modulith.core.JavaPackage;

/**
 * Which packages are application modules: every direct sub-package of
 * {@code org.greenledger} except {@code org.greenledger.core}. That one is the plain-Java
 * library greenledger-core (backend/core: footprint engine, factor library, readers,
 * billing mapper), which the modules use the way they use any other library; it is kept
 * free of Spring by its own Maven module, not by module rules. Named by
 * {@code spring.modulith.detection-strategy} in application.yml, so that
 * {@code ApplicationModules.of(...)} and module tests see the same modules.
 */
public class ApplicationModuleDetection implements ApplicationModuleDetectionStrategy {

	private static final ApplicationModuleDetectionStrategy DIRECT_SUB_PACKAGES = ApplicationModuleDetectionStrategy
		.directSubPackage();

	@Override
	public Stream<JavaPackage> getModuleBasePackages(JavaPackage rootPackage) {
		String core = rootPackage.getName() + ".core";
		return DIRECT_SUB_PACKAGES.getModuleBasePackages(rootPackage).filter(base -> !base.getName().equals(core));
	}

}

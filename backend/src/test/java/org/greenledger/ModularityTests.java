package org.greenledger;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(GreenLedgerApplication.class);

	@Test
	void applicationModulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void theFootprintEngineIsPlainJava() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage("org.greenledger.core.footprint..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..")
			.check(new ClassFileImporter().importPackages("org.greenledger.core.footprint"));
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}

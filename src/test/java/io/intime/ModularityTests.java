package io.intime;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the module boundaries (no cycles, no reaching into another module's internal
 * packages, only declared dependencies) and writes the module documentation to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(InTimeApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void accountsDependOnlyOnIdentityAndShared() {
		ApplicationModule accounts = modules.getModuleByName("accounts").orElseThrow();
		assertThat(accounts.getBootstrapDependencies(modules).map(module -> module.getIdentifier().toString()))
			.allMatch(name -> name.equals("identity") || name.equals("shared"));
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}

package io.intime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.intime.shared.io.CsvImport;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
	void accountsPublishesNoEntitiesRepositoriesOrImports() {
		JavaClasses accounts = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.intime.accounts");
		noClasses().that()
			.resideInAPackage("io.intime.accounts")
			.should()
			.beAnnotatedWith(Entity.class)
			.orShould()
			.beAssignableTo(Repository.class)
			.orShould()
			.beAssignableTo(CsvImport.class)
			.because("the base package of accounts is its API (facades, events, read models and the values "
					+ "they take); entities and repositories live in accounts.internal, CSV import and export "
					+ "in accounts.io")
			.check(accounts);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}

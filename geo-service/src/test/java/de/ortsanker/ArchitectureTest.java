package de.ortsanker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries that must not erode. Maven's module graph already keeps importers and tiles from
 * seeing geo-service; these rules also keep them free of the web framework (so the importer stays a
 * library and a CLI), and keep geo-service's domain packages free of cycles.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.ortsanker");

    @Test
    void importersAndTilesDoNotUseTheServiceWebLayer() {
        noClasses().that().resideInAnyPackage("de.ortsanker.imports..", "de.ortsanker.tiles..")
                .should().dependOnClassesThat().resideInAnyPackage("de.ortsanker.service..")
                .because("importers and tiles are libraries the service uses, not the other way round")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void importersDoNotDependOnTheWebFramework() {
        noClasses().that().resideInAnyPackage("de.ortsanker.imports..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .because("the importer runs from the command line as well as inside the service")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void coreKnowsNothingOfTheModulesAboveIt() {
        noClasses().that().resideInAnyPackage("de.ortsanker.vocabulary..", "de.ortsanker.database..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "de.ortsanker.vocabulary..", "de.ortsanker.database..", "java..", "javax..",
                        "org.postgresql..", "org.flywaydb..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void theCql2LibraryStaysAPlainLibrary() {
        noClasses().that().resideInAnyPackage("de.ortsanker.cql2..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "de.ortsanker.cql2..", "java..", "com.fasterxml.jackson..")
                .because("the tiles module filters with it too; it must not need the service or a framework")
                .check(classes);
    }

    @Test
    void domainPackagesHaveNoCycles() {
        slices().matching("de.ortsanker.(*)..").should().beFreeOfCycles().check(classes);
    }
}

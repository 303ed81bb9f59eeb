package de.ortsanker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Boundaries that must not erode and that Maven's module graph does not already keep (it keeps importers
 * and tiles from seeing geo-service): the importer free of the web framework (it stays a library and a
 * CLI), core free of every module above it and of frameworks, the service using the importers only for the
 * places' rules (PlaceValidation) and a steward's municipal list (Uploads), and no package cycles — neither between the
 * domain packages nor between the packages inside one (planning's rules, distances, villages …).
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.ortsanker");

    @Test
    void importersDoNotDependOnTheWebFramework() {
        noClasses().that().resideInAnyPackage("de.ortsanker.imports..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .because("the importer runs from the command line as well as inside the service")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** The packages of core: the words, the layers, the filter language and the schema everything shares. */
    private static final String[] CORE = {"de.ortsanker.vocabulary..", "de.ortsanker.database..",
        "de.ortsanker.catalogue..", "de.ortsanker.filter..", "de.ortsanker.problem..", "de.ortsanker.cql2.."};

    @Test
    void coreKnowsNothingOfTheModulesAboveItNorOfAFramework() {
        var allowed = new java.util.ArrayList<>(java.util.List.of(CORE));
        allowed.addAll(java.util.List.of("java..", "javax..", "org.postgresql..", "org.flywaydb..", "org.slf4j..",
                "com.fasterxml.jackson.."));
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .because("the importer (a CLI), the tiles and the service all build on core")
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

    /** The service's own packages (geo-service). */
    private static final String[] SERVICE = {"de.ortsanker.service..", "de.ortsanker.places..",
        "de.ortsanker.features..", "de.ortsanker.planning..", "de.ortsanker.accounts..", "de.ortsanker.editing..",
        "de.ortsanker.webmap..", "de.ortsanker.uploads.."};

    @Test
    void theServiceUsesTheImportersOnlyForThePlacesRules() {
        noClasses().that().resideInAnyPackage(SERVICE)
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .resideInAPackage("de.ortsanker.imports..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                                        "de\\.ortsanker\\.imports\\.(PlaceValidation|Vocabulary|Uploads)(\\$.*)?"))))
                .because("a hand edit is checked by the importers' rules (PlaceValidation), defined once; the only"
                        + " file the service imports is a steward's municipal list, through Uploads, which fixes what"
                        + " an upload may do (its source, its area, places only) in one place")
                .check(classes);
    }

    @Test
    void domainPackagesHaveNoCycles() {
        slices().matching("de.ortsanker.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void thePackagesInsideAModuleHaveNoCyclesEither() {
        slices().matching("de.ortsanker.(*).(*)..").namingSlices("$1.$2").should().beFreeOfCycles()
                .because("a package inside a domain package is one concept; two that need each other are one")
                .check(classes);
    }
}

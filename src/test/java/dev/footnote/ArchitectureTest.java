package dev.footnote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package structure the pipeline relies on: features depend on one another without cycles, the wiring
 * ({@code system}) is depended on by nothing, and text utilities and configuration are leaves.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.footnote");
    }

    @Test
    void should_have_no_cycles_between_feature_packages() {
        slices().matching("dev.footnote.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void should_keep_the_wiring_out_of_every_feature() {
        noClasses().that().resideOutsideOfPackage("dev.footnote.system..")
                .should().dependOnClassesThat().resideInAPackage("dev.footnote.system..").check(classes);
    }

    @Test
    void should_keep_text_utilities_and_configuration_free_of_the_features() {
        noClasses().that().resideInAnyPackage("dev.footnote.text..", "dev.footnote.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.footnote.corpus..", "dev.footnote.passage..",
                        "dev.footnote.embedding..", "dev.footnote.index..", "dev.footnote.search..",
                        "dev.footnote.rerank..", "dev.footnote.evidence..", "dev.footnote.chat..",
                        "dev.footnote.language..", "dev.footnote.examples..", "dev.footnote.eval..",
                        "dev.footnote.web..", "dev.footnote.cli..", "dev.footnote.system..")
                .check(classes);
    }
}

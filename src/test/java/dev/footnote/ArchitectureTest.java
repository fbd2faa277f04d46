package dev.footnote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package structure the pipeline relies on: features depend on one another without cycles, the wiring
 * ({@code system}) is depended on by nothing, text utilities and configuration are leaves, and the answer
 * pipeline's stages are layered: what users call → the pipeline → its stages → the index they read.
 */
class ArchitectureTest {

    /** The answer pipeline's stage interfaces: {@code AnswerPipeline} knows its stages only by these. */
    private static final List<String> STAGES = List.of("dev.footnote.language.LanguageCheck",
            "dev.footnote.chat.QueryResolver", "dev.footnote.chat.PassageRetriever",
            "dev.footnote.search.RelevanceGate", "dev.footnote.evidence.EvidenceReader", "dev.footnote.chat.Answerer",
            "dev.footnote.chat.SupportJudge", "dev.footnote.chat.QuestionRewriter");
    private static final DescribedPredicate<JavaClass> STAGE_IMPLEMENTATION =
            DescribedPredicate.describe("implement a stage of the answer pipeline",
                    c -> !c.isInterface() && STAGES.stream().anyMatch(c::isAssignableTo));

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

    @Test
    void should_layer_the_interfaces_over_the_pipeline_over_its_stages_over_the_index() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Interfaces").definedBy("dev.footnote.web..", "dev.footnote.openai..", "dev.footnote.mcp..",
                        "dev.footnote.cli..", "dev.footnote.eval..", "dev.footnote.examples..")
                .layer("Pipeline").definedBy("dev.footnote.chat..")
                .layer("Stages").definedBy("dev.footnote.search..", "dev.footnote.rerank..",
                        "dev.footnote.evidence..", "dev.footnote.language..")
                .layer("Index").definedBy("dev.footnote.index..", "dev.footnote.embedding..",
                        "dev.footnote.corpus..", "dev.footnote.passage..")
                .layer("Wiring").definedBy("dev.footnote.system..")
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("Interfaces").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Interfaces", "Wiring")
                .whereLayer("Stages").mayOnlyBeAccessedByLayers("Pipeline", "Interfaces", "Wiring")
                .check(classes);
    }

    @Test
    void should_let_the_pipeline_know_its_stages_only_by_their_interfaces() {
        noClasses().that().haveFullyQualifiedName("dev.footnote.chat.AnswerPipeline")
                .should().dependOnClassesThat(STAGE_IMPLEMENTATION).check(classes);
    }

    @Test
    void should_keep_every_stage_unaware_of_the_pipeline_that_runs_it() {
        noClasses().that(STAGE_IMPLEMENTATION)
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.footnote.chat.AnswerPipeline")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.footnote.chat.Trace")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.footnote.chat.ChatService")
                .check(classes);
    }
}

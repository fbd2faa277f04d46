package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Retrieval quality gates, over the shared index of the shipped essays. The floors sit just under what the
 * search reaches today, so a change that makes retrieval worse fails here.
 */
@QuarkusTest
class EvalTest {

    private static final Path PUBLIC = Path.of("src/test/resources/eval/public-questions.jsonl");
    private static final Path OFF_TOPIC = Path.of("src/test/resources/eval/off-topic.jsonl");

    @Inject
    Evaluator evaluator;

    @Test
    void should_find_the_evidence_of_the_public_questions() {
        EvalReport report = evaluator.evaluate(evaluator.read(PUBLIC), 10);
        assertThat(report.answerable()).isEqualTo(18);
        assertThat(report.hitAt5()).as(report.text()).isGreaterThanOrEqualTo(0.83);
        assertThat(report.mrrAt10()).as(report.text()).isGreaterThanOrEqualTo(0.62);
        assertThat(report.hitAt10()).as(report.text()).isGreaterThanOrEqualTo(report.hitAt5());
        assertThat(report.answeredAccuracy()).as("answerable questions judged relevant").isEqualTo(1.0);
    }

    @Test
    void should_find_nothing_relevant_for_questions_far_from_the_essays() {
        EvalReport report = evaluator.evaluate(evaluator.read(OFF_TOPIC), 5);
        assertThat(report.unanswerable()).isEqualTo(8);
        assertThat(report.refusalAccuracy()).as(report.text()).isEqualTo(1.0);
    }

    @Test
    void should_apply_the_hit_rule_of_the_evaluation_sets() {
        EvidenceMatcher matcher = new EvidenceMatcher(List.of("the “dominant programing model”  is\nsomething like"));
        assertThat(matcher.hits("Right now the \"dominant programing model\" is something like centaur chess")).isTrue();
        assertThat(matcher.hits("the dominant model is something")).isFalse();
    }
}

package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import dev.footnote.eval.EvalQuestion;
import dev.footnote.eval.Evaluator;
import dev.footnote.eval.EvidenceMatcher;
import io.quarkus.test.junit.QuarkusTest;

/** The offline answerer over question sets with known evidence: do its quotes hold it, and does it refuse? */
@QuarkusTest
class ExtractiveAnswersTest {

    private static final Logger LOG = Logger.getLogger(ExtractiveAnswersTest.class);
    private static final Path EVAL = Path.of("src/test/resources/eval");

    @Inject
    ChatService chat;

    @Inject
    Evaluator evaluator;

    private record Figures(int answerable, int quoted, int unanswerable, int refused, List<String> answeredUnanswerable) {

        double quotedShare() {
            return (double) quoted / answerable;
        }

        double refusedShare() {
            return (double) refused / unanswerable;
        }
    }

    @Test
    void should_quote_the_evidence_for_most_public_questions_and_refuse_every_unanswerable_one() {
        Figures figures = answer("public", "public-questions.jsonl", "off-topic.jsonl");

        assertThat(figures.quotedShare()).isGreaterThanOrEqualTo(0.55);
        assertThat(figures.answeredUnanswerable()).as("unanswerable questions answered").isEmpty();
    }

    @Test
    void should_hold_up_on_the_development_questions() {
        Figures figures = answer("development", "dev-questions.jsonl");

        assertThat(figures.quotedShare()).isGreaterThanOrEqualTo(0.35);
        assertThat(figures.refusedShare()).isGreaterThanOrEqualTo(0.75);
    }

    private Figures answer(String set, String... files) {
        List<EvalQuestion> questions = new ArrayList<>();
        for (String file : files) {
            questions.addAll(evaluator.read(EVAL.resolve(file)));
        }
        int answerable = 0;
        int quoted = 0;
        int unanswerable = 0;
        List<String> answeredUnanswerable = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        for (EvalQuestion question : questions) {
            long started = System.nanoTime();
            ChatAnswer answer = chat.answer(question.question(), Optional.empty(), Optional.empty(), null);
            millis.add((System.nanoTime() - started) / 1e6);
            if (question.answerable()) {
                answerable++;
                EvidenceMatcher evidence = new EvidenceMatcher(question.evidences());
                boolean hit = answer.citations().stream().anyMatch(c -> evidence.hits(c.quote()));
                quoted += hit ? 1 : 0;
                LOG.debugf("%s %s, quote holds evidence: %s", question.id(),
                        answer.grounded() ? "answered" : "REFUSED", hit);
            } else {
                unanswerable++;
                if (answer.grounded()) {
                    answeredUnanswerable.add(question.id());
                    LOG.infof("%s ANSWERED: %s", question.id(), answer.answer());
                }
            }
        }
        millis.sort(Double::compare);
        Figures figures = new Figures(answerable, quoted, unanswerable, unanswerable - answeredUnanswerable.size(),
                answeredUnanswerable);
        LOG.infof("Extractive answers, %s questions: evidence quoted for %d/%d answerable, %d/%d unanswerable refused, "
                + "p50 %.0f ms", set, quoted, answerable, figures.refused(), unanswerable, millis.get(millis.size() / 2));
        return figures;
    }
}

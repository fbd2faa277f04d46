package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footnote.TestCorpus;
import io.quarkus.test.junit.QuarkusTest;
import picocli.CommandLine;

/** The command line against the shared index of the shipped essays. */
@QuarkusTest
class CommandLineTest {

    @Inject
    CommandLine.IFactory factory;

    @Test
    void should_print_one_summary_line_for_a_dry_run() {
        Run run = run("reindex", "--dry-run", "--corpus", TestCorpus.TEST_CORPUS.toString());
        assertThat(run.exitCode).isZero();
        assertThat(run.out).matches("dry run: essays: 0 added, 0 changed, 0 removed, \\d+ unchanged; passages: \\d+; "
                + "embedded: 0; took \\d+\\.\\d s\\n");
    }

    @Test
    void should_fail_with_one_line_for_a_missing_corpus() {
        Run run = run("reindex", "--corpus", "/no/such/folder");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("footnote reindex: corpus folder not found: /no/such/folder\n");
        assertThat(run.out).isEmpty();
    }

    @Test
    void should_fail_with_one_line_for_an_unknown_option() {
        Run run = run("reindex", "--fast");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).isEqualTo("footnote: Unknown option: '--fast' (see --help)\n");
    }

    @Test
    void should_print_retrieval_figures_for_a_question_set() {
        Run run = run("eval", "src/test/resources/eval/public-questions.jsonl", "--k", "10");
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("questions: 18 answerable, 2 not answerable by the essays; retrieval k = 10")
                .contains("hit@5 [95% CI]", "MRR@10 [95% CI]")
                .containsPattern("(?m)^all +18 +2 +0\\.\\d{3} 0\\.\\d{3} \\[0\\.\\d\\d, [01]\\.\\d\\d\\]");
    }

    @Test
    void should_refuse_to_calibrate_on_questions_of_one_kind_only() {
        Run run = run("calibrate", "src/test/resources/eval/off-topic.jsonl", "--out", "target/model.json");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("footnote calibrate: calibrating needs answerable questions (with evidence) "
                + "and unanswerable ones (kind: none)\n");
    }

    @Test
    void should_print_the_same_figures_as_json() {
        Run run = run("eval", "src/test/resources/eval/public-questions.jsonl", "--json");
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("\"hitAt5\"", "\"mrrAt10\"", "\"reached\"", "\"refused\"", "\"byStyle\"");
    }

    @Test
    void should_fail_with_one_line_for_a_missing_question_file() {
        Run run = run("eval", "no-such.jsonl");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("footnote eval: evaluation file not found: no-such.jsonl\n");
    }

    @Test
    void should_print_an_answer_with_footnotes() {
        Run run = run("ask", "What does Goedecke say centaur chess describes?");
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).startsWith("Quoted from the essays:\n“Right now the dominant programing model")
                .containsPattern("\\[1] AI is good news for Australian and European software engineers — Sean Goedecke, "
                        + "000_03ea18c15e12f1a6\\.txt, characters \\d+–\\d+\\n    “.*centaur chess.*”")
                .contains("(extractive; conversation ");
    }

    @Test
    void should_fail_with_one_line_for_an_empty_question() {
        Run run = run("ask", " ");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("footnote ask: the question must be 1 to 2000 characters\n");
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var stdout = System.out;
        var capture = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(capture, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            int exitCode = FootnoteMain.commandLine(factory).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute(args);
            return new Run(exitCode, capture.toString(java.nio.charset.StandardCharsets.UTF_8) + out, err.toString());
        } finally {
            System.setOut(stdout);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }
}

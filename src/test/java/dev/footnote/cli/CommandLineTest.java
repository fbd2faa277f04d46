package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.TestCorpus;
import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.AnswerPipeline;
import dev.footnote.chat.Citation;
import io.quarkus.test.junit.QuarkusTest;
import picocli.CommandLine;

/** The command line against the shared index of the shipped essays. */
@QuarkusTest
class CommandLineTest {

    /** A question the essays answer. */
    private static final String VERIFIED_QUESTION = "Which blogger claims that skill at evaluating colleagues' pull "
            + "requests carries over directly into skill with AI programming assistants?";

    @Inject
    CommandLine.IFactory factory;

    @Inject
    AnswerPipeline pipeline;

    @Inject
    ObjectMapper json;

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
                .contains("hit@1 hit@3 hit@5 [95% CI]", "hit@10 MRR@10 [95% CI]")
                .containsPattern("(?m)^all +18 +2 +0\\.\\d{3} 0\\.\\d{3} 0\\.\\d{3} \\[0\\.\\d\\d, [01]\\.\\d\\d\\]");
    }

    @Test
    void should_refuse_to_calibrate_on_questions_of_one_kind_only() {
        Run run = run("calibrate", "src/test/resources/eval/off-topic.jsonl", "--out", "target/model.json");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("footnote calibrate: calibrating needs answerable questions (with evidence) "
                + "and unanswerable ones (kind: none)\n");
    }

    /** Loads a second reader, some 12 s: with the evaluation gates, in the slow suite. */
    @Test
    @Tag("eval")
    void should_read_a_question_set_with_retrained_reader_weights_from_disk(@TempDir Path folder) throws IOException {
        Path weights = folder.resolve("reader-copy.onnx");
        try (InputStream shipped = getClass().getResourceAsStream("/reader/footnote-reader-1.onnx")) {
            Files.copy(shipped, weights);
        }
        String questions = "src/test/resources/eval/public-questions.jsonl";

        Run served = run("calibrate", questions, "--out", folder.resolve("served.json").toString());
        Run retrained = run("calibrate", questions, "--read-with", "public-questions.jsonl=" + weights,
                "--out", folder.resolve("retrained.json").toString());

        assertThat(retrained.exitCode).as(retrained.err).isZero();
        JsonNode a = json.readTree(folder.resolve("served.json").toFile());
        JsonNode b = json.readTree(folder.resolve("retrained.json").toFile());
        // the same weights read from disk give the same similarities, so the same fitted model
        assertThat(b.get("sentence")).isEqualTo(a.get("sentence"));
        assertThat(b.get("fittedOn").asText()).isEqualTo("public-questions.jsonl (20, read by reader-copy.onnx)");
        assertThat(retrained.out).isEqualTo(served.out);
    }

    @Test
    void should_refuse_a_retrained_reader_for_a_question_set_not_given() {
        Run run = run("calibrate", "src/test/resources/eval/public-questions.jsonl", "--read-with",
                "tune.jsonl=model.onnx", "--out", "target/model.json");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("footnote calibrate: --read-with: tune.jsonl is not one of the question sets\n");
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
        // the range printed is the quote's own: it slices the quote out of the file
        Matcher footnote = Pattern.compile("(?m)^\\[1] .*, (\\S+\\.txt), characters (\\d+)–(\\d+)\\n    “(.*)”$").matcher(run.out);
        assertThat(footnote.find()).isTrue();
        String file = TestCorpus.read(footnote.group(1));
        assertThat(file.substring(Integer.parseInt(footnote.group(2)), Integer.parseInt(footnote.group(3))))
                .isEqualTo(footnote.group(4));
    }

    @Test
    void should_fail_with_one_line_for_an_empty_question() {
        Run run = run("ask", " ");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("footnote ask: the question must be 1 to 2000 characters\n");
    }

    @Test
    void should_verify_the_citations_of_a_saved_answer() throws IOException {
        Path saved = save(pipeline.run(VERIFIED_QUESTION).toAnswer(null));
        Run run = run("verify", saved.toString());
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).containsPattern("(?m)^\\[1] exact   \\d{3}_\\p{XDigit}{16}\\.txt, characters \\d+–\\d+$")
                .containsPattern("(?m)^\\d+ citations?: \\d+ exact, 0 moved, 0 changed, 0 missing$");
    }

    @Test
    void should_verify_against_another_folder_when_asked() throws IOException {
        Path saved = save(pipeline.run(VERIFIED_QUESTION).toAnswer(null));
        Path empty = Files.createTempDirectory("other-corpus");
        Run run = run("verify", saved.toString(), "--corpus", empty.toString());
        assertThat(run.exitCode).isEqualTo(VerifyCommand.NOT_VERIFIED);
        assertThat(run.out).containsPattern("(?m)^\\[1] missing ");
        Run missing = run("verify", saved.toString(), "--corpus", empty.resolve("no-such").toString());
        assertThat(missing.exitCode).isEqualTo(1);
        assertThat(missing.err).startsWith("footnote verify: corpus folder not found: ");
    }

    @Test
    void should_exit_non_zero_when_a_quote_is_no_longer_in_its_file() throws IOException {
        ChatAnswer answer = pipeline.run(VERIFIED_QUESTION).toAnswer(null);
        Citation first = answer.citations().get(0);
        Citation altered = new Citation(first.n(), first.rank(), first.quote() + " And one sentence more.", first.text(),
                first.source(), first.start(), first.end(), first.textStart(), first.textEnd(), first.sha256(),
                first.essay());
        Path saved = save(new ChatAnswer(answer.conversationId(), answer.answer(), true, answer.provider(),
                List.of(altered), answer.question(), List.of()));
        Run run = run("verify", saved.toString(), "--json");
        assertThat(run.exitCode).isEqualTo(VerifyCommand.NOT_VERIFIED);
        assertThat(run.out).contains("\"status\" : \"changed\"", "\"closest\"", "\"verified\" : false");
    }

    @Test
    void should_fail_with_one_line_for_an_answer_that_is_not_json() throws IOException {
        Path saved = Files.createTempFile("answer", ".json");
        Files.writeString(saved, "[1] not json");
        Run run = run("verify", saved.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("footnote verify: " + saved + " is not valid JSON: ").doesNotContain("\n\t");
    }

    private Path save(ChatAnswer answer) throws IOException {
        Path saved = Files.createTempFile("answer", ".json");
        Files.writeString(saved, json.writeValueAsString(answer));
        return saved;
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

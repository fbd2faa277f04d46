package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.TestCorpus;
import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.AnswerPipeline;
import dev.footnote.chat.Citation;
import dev.footnote.text.Hashes;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A real answer's citations, re-checked against copies of their files that the test then edits: untouched,
 * a paragraph inserted above the quote, the quoted sentence deleted, the file deleted.
 */
@QuarkusTest
class CitationVerifierTest {

    private static final String QUESTION = "Which blogger claims that skill at evaluating colleagues' pull requests "
            + "carries over directly into skill with AI programming assistants?";

    @Inject
    AnswerPipeline pipeline;

    @TempDir
    Path folder;

    private Citation citation;
    private Path file;

    @BeforeEach
    void copy_the_cited_file() throws IOException {
        ChatAnswer answer = pipeline.run(QUESTION).toAnswer(null);
        assertThat(answer.citations()).as(answer.answer()).isNotEmpty();
        citation = answer.citations().get(0);
        file = folder.resolve(citation.source());
        Files.copy(TestCorpus.TEST_CORPUS.resolve(citation.source()), file);
    }

    @Test
    void should_carry_the_digest_of_the_file_as_indexed() throws IOException {
        assertThat(citation.sha256()).isEqualTo(Hashes.sha256Hex(Files.readAllBytes(file)));
    }

    @Test
    void should_find_every_quote_exact_in_an_unchanged_corpus() {
        QuoteCheck check = check();
        assertThat(check.status()).isEqualTo(QuoteStatus.EXACT);
        assertThat(check.fileUnchanged()).isTrue();
        assertThat(check.start()).isEqualTo(citation.start() + citation.text().indexOf(citation.quote()));
    }

    @Test
    void should_give_the_new_offsets_of_a_quote_under_an_inserted_paragraph() throws IOException {
        String text = Files.readString(file);
        int quoteStart = citation.start() + citation.text().indexOf(citation.quote());
        int paragraph = text.lastIndexOf("\n", quoteStart) + 1;
        String inserted = "A paragraph written since the answer was given.\n\n";
        Files.writeString(file, text.substring(0, paragraph) + inserted + text.substring(paragraph));

        QuoteCheck check = check();
        assertThat(check.status()).isEqualTo(QuoteStatus.MOVED);
        assertThat(check.start()).isEqualTo(quoteStart + inserted.length());
        assertThat(Files.readString(file).substring(check.start(), check.end())).isEqualTo(citation.quote());
        assertThat(check.citedStart()).isEqualTo(quoteStart);
        assertThat(check.fileUnchanged()).isFalse();
    }

    @Test
    void should_name_the_closest_sentence_when_the_quote_was_deleted() throws IOException {
        String text = Files.readString(file);
        Files.writeString(file, text.replace(citation.quote(), ""));

        QuoteCheck check = check();
        assertThat(check.status()).isEqualTo(QuoteStatus.CHANGED);
        assertThat(check.closest()).isNotNull();
        assertThat(Files.readString(file).substring(check.closest().start(), check.closest().end()))
                .isEqualTo(check.closest().text());
    }

    @Test
    void should_report_a_deleted_file_as_missing() throws IOException {
        Files.delete(file);
        VerifyReport report = new CitationVerifier(folder).verify(List.of(cited()));
        assertThat(report.citations()).singleElement().extracting(QuoteCheck::status).isEqualTo(QuoteStatus.MISSING);
        assertThat(report.verified()).isFalse();
    }

    private QuoteCheck check() {
        return new CitationVerifier(folder).verify(List.of(cited())).citations().get(0);
    }

    private CitedQuote cited() {
        return new CitedQuote(citation.n(), citation.quote(), citation.text(), citation.source(), citation.start(),
                citation.end(), citation.sha256());
    }
}

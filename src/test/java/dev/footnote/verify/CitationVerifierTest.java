package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.text.Hashes;

/**
 * A citation re-checked against its file as the test then edits it: untouched, a paragraph inserted above the
 * quote, the quoted sentence reworded or deleted, the file deleted. Every expected offset and sentence is worked
 * out from the file's text, so each check names exactly what it must find.
 */
class CitationVerifierTest {

    private static final String FILE = "starters.txt";
    private static final String TEXT = """
            Keeping a starter

            A sourdough starter needs flour and water. It must be fed every day at the same time. \
            Most bakers keep it in the fridge between bakes.

            The starter is ready when it doubles in size within six hours of a feeding. Rye flour makes it \
            more active. Bakers in cold kitchens feed it with warm water.
            """;
    private static final String PASSAGE = "The starter is ready when it doubles in size within six hours of a "
            + "feeding. Rye flour makes it more active.";
    private static final String QUOTE = "Rye flour makes it more active.";

    @TempDir
    Path folder;

    private Path file;
    private CitedQuote cited;
    private int quoteStart;

    @BeforeEach
    void write_the_cited_file() throws IOException {
        file = folder.resolve(FILE);
        Files.writeString(file, TEXT);
        int passageStart = TEXT.indexOf(PASSAGE);
        quoteStart = TEXT.indexOf(QUOTE);
        cited = new CitedQuote(1, QUOTE, PASSAGE, FILE, passageStart, passageStart + PASSAGE.length(),
                Hashes.sha256Hex(Files.readAllBytes(file)));
    }

    @Test
    void should_find_the_quote_exact_where_it_was_cited_in_an_unchanged_file() {
        QuoteCheck check = check();

        assertThat(check.status()).isEqualTo(QuoteStatus.EXACT);
        assertThat(check.fileUnchanged()).isTrue();
        assertThat(check.start()).isEqualTo(quoteStart);
        assertThat(check.end()).isEqualTo(quoteStart + QUOTE.length());
        assertThat(check.closest()).isNull();
    }

    @Test
    void should_give_the_new_offsets_of_a_quote_under_an_inserted_paragraph() throws IOException {
        String inserted = "A paragraph written since the answer was given.\n\n";
        int paragraph = TEXT.lastIndexOf("\n", quoteStart) + 1;
        Files.writeString(file, TEXT.substring(0, paragraph) + inserted + TEXT.substring(paragraph));

        QuoteCheck check = check();

        assertThat(check.status()).isEqualTo(QuoteStatus.MOVED);
        assertThat(check.start()).isEqualTo(quoteStart + inserted.length());
        assertThat(check.citedStart()).isEqualTo(quoteStart);
        assertThat(Files.readString(file).substring(check.start(), check.end())).isEqualTo(QUOTE);
        assertThat(check.fileUnchanged()).isFalse();
    }

    @Test
    void should_name_the_reworded_sentence_as_the_closest_when_the_quote_was_reworded() throws IOException {
        String reworded = "Rye flour makes the starter far more active.";
        Files.writeString(file, TEXT.replace(QUOTE, reworded));

        QuoteCheck check = check();

        assertThat(check.status()).isEqualTo(QuoteStatus.CHANGED);
        assertThat(check.closest().text()).isEqualTo(reworded);
        assertThat(check.closest().start()).isEqualTo(quoteStart);
        assertThat(check.closest().end()).isEqualTo(quoteStart + reworded.length());
    }

    @Test
    void should_prefer_the_nearer_of_two_equally_close_sentences_when_the_quote_was_deleted() throws IOException {
        // "Rye flour makes it more active." shares "flour" and "it" with two sentences: the first paragraph's
        // "A sourdough starter needs flour and water." shares only "flour"; these two share both, equally
        String text = TEXT.replace(QUOTE, "").replace("Bakers in cold kitchens feed it with warm water.",
                "Spelt flour makes it rise.") + "\nWholemeal flour makes it rise.\n";
        Files.writeString(file, text);

        QuoteCheck check = check();

        assertThat(check.status()).isEqualTo(QuoteStatus.CHANGED);
        assertThat(check.closest().text()).isEqualTo("Spelt flour makes it rise.");
        assertThat(text.substring(check.closest().start(), check.closest().end())).isEqualTo(check.closest().text());
    }

    @Test
    void should_name_no_sentence_when_none_shares_a_word_with_the_quote() throws IOException {
        Files.writeString(file, "Nothing here at all.\n");

        QuoteCheck check = check();

        assertThat(check.status()).isEqualTo(QuoteStatus.CHANGED);
        assertThat(check.closest()).isNull();
    }

    @Test
    void should_report_a_deleted_file_as_missing() throws IOException {
        Files.delete(file);

        VerifyReport report = new CitationVerifier(folder).verify(List.of(cited));

        assertThat(report.citations()).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(QuoteStatus.MISSING);
            assertThat(check.fileUnchanged()).isNull();
        });
        assertThat(report.verified()).isFalse();
    }

    private QuoteCheck check() {
        VerifyReport report = new CitationVerifier(folder).verify(List.of(cited));
        assertThat(report.citations()).hasSize(1);
        return report.citations().get(0);
    }
}

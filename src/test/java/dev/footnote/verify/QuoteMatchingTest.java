package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.text.Hashes;

/** How a quote is found again in a file that may have changed, on small files written by the test. */
class QuoteMatchingTest {

    private static final String ESSAY = "Title\n\nThe first sentence is here. Cats sleep most of the day. "
            + "The last sentence ends it.\n";

    @TempDir
    Path folder;

    @Test
    void should_find_an_unchanged_quote_where_it_was() throws IOException {
        write("essay.txt", ESSAY);
        int start = ESSAY.indexOf("Cats sleep");
        QuoteCheck check = verifier().check(quote("Cats sleep most of the day.", start, Hashes.sha256(ESSAY)));
        assertThat(check.status()).isEqualTo(QuoteStatus.EXACT);
        assertThat(check.start()).isEqualTo(start);
        assertThat(check.fileUnchanged()).isTrue();
    }

    @Test
    void should_locate_the_quote_from_the_passage_that_holds_it() throws IOException {
        write("essay.txt", ESSAY);
        int passageStart = ESSAY.indexOf("The first");
        String passage = ESSAY.substring(passageStart, ESSAY.indexOf(" The last"));
        CitedQuote cited = new CitedQuote(1, "Cats sleep most of the day.", passage, "essay.txt", passageStart,
                passageStart + passage.length(), null);
        QuoteCheck check = verifier().check(cited);
        assertThat(check.status()).isEqualTo(QuoteStatus.EXACT);
        assertThat(ESSAY.substring(check.start(), check.end())).isEqualTo("Cats sleep most of the day.");
        assertThat(check.fileUnchanged()).isNull();
    }

    @Test
    void should_take_the_occurrence_nearest_to_where_the_quote_was() {
        String text = "x. Cats nap. y. Cats nap. z. Cats nap.";
        assertThat(QuoteSearch.nearestOccurrence(text, "Cats nap.", 14)).isEqualTo(16);
        assertThat(QuoteSearch.nearestOccurrence(text, "Dogs nap.", 14)).isEqualTo(-1);
    }

    @Test
    void should_find_overlapping_and_repetitive_occurrences_as_a_plain_search_does() {
        String text = "abababcabababcab " + "a".repeat(500) + "b";
        for (String quote : new String[] { "ababc", "abab", "cab", "a".repeat(300) + "b", "a".repeat(501),
                "b", "abababcabababcab", "x" }) {
            for (int near : new int[] { 0, 5, 200, text.length() }) {
                assertThat(QuoteSearch.nearestOccurrence(text, quote, near)).as(quote + " near " + near)
                        .isEqualTo(plainNearest(text, quote, near));
            }
        }
    }

    private static int plainNearest(String text, String quote, int near) {
        int best = -1;
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) {
                best = at;
            }
        }
        return best;
    }

    @Test
    void should_not_accept_a_quote_that_differs_by_one_character() throws IOException {
        write("essay.txt", ESSAY);
        int start = ESSAY.indexOf("Cats sleep");
        QuoteCheck check = verifier().check(quote("Cats sleep most of the day!", start, Hashes.sha256(ESSAY)));
        assertThat(check.status()).isEqualTo(QuoteStatus.CHANGED);
        assertThat(check.closest().text()).isEqualTo("Cats sleep most of the day.");
        assertThat(check.closest().start()).isEqualTo(start);
    }

    @Test
    void should_report_a_file_that_is_gone() {
        QuoteCheck check = verifier().check(quote("Cats sleep most of the day.", 10, null));
        assertThat(check.status()).isEqualTo(QuoteStatus.MISSING);
        assertThat(check.fileUnchanged()).isNull();
    }

    @Test
    void should_refuse_citations_it_cannot_check() {
        CitationVerifier verifier = verifier();
        assertThatThrownBy(() -> verifier.verify(List.of())).isInstanceOf(InvalidCitationException.class)
                .hasMessage("there are no citations to verify");
        assertThatThrownBy(() -> verifier.verify(List.of(new CitedQuote(2, "q", null, "../etc/passwd", 0, 1, null))))
                .isInstanceOf(InvalidCitationException.class)
                .hasMessage("citation 2: \"../etc/passwd\" is not the name of a file in the corpus folder");
        assertThatThrownBy(() -> verifier.verify(List.of(new CitedQuote(null, "", null, "essay.txt", 0, 1, null))))
                .hasMessage("a citation has no quote");
        assertThatThrownBy(() -> verifier.verify(List.of(new CitedQuote(1, "q", null, "essay.txt", 5, 2, null))))
                .hasMessage("citation 1: start and end must be offsets with 0 <= start <= end");
        List<CitedQuote> tooMany = Collections.nCopies(CitationVerifier.MAX_CITATIONS + 1, quote("q", 0, null));
        assertThatThrownBy(() -> verifier.verify(tooMany)).isInstanceOf(TooManyCitationsException.class)
                .hasMessage("at most 50 citations can be verified at once, not 51");
    }

    /**
     * The request built to be costly: as many long quotes as a check takes, none in a large file. Each is told
     * changed with the closest sentence, as a check of one alone tells it.
     */
    @Test
    void should_check_many_absent_quotes_in_a_large_file_as_each_alone() throws IOException {
        StringBuilder essay = new StringBuilder();
        for (int i = 0; essay.length() < 180_000; i++) {
            essay.append("Sentence ").append(i).append(" says the cat ").append(i % 7 == 0 ? "slept" : "ran")
                    .append(" across the garden wall at dawn. ");
        }
        write("essay.txt", essay.toString());
        List<CitedQuote> absent = new ArrayList<>();
        for (int i = 0; i < CitationVerifier.MAX_CITATIONS; i++) {
            absent.add(quote(("the dog " + i + " barked at the moon all night long ").repeat(9), i * 1000, null));
        }
        VerifyReport report = verifier().verify(absent);
        assertThat(report.changed()).isEqualTo(CitationVerifier.MAX_CITATIONS);
        assertThat(report.citations()).hasSize(absent.size());
        for (int i = 0; i < absent.size(); i += 10) {
            assertThat(report.citations().get(i)).isEqualTo(verifier().check(absent.get(i)));
        }
    }

    @Test
    void should_verify_an_answer_only_when_every_quote_is_still_in_its_file() throws IOException {
        write("essay.txt", ESSAY);
        int start = ESSAY.indexOf("Cats sleep");
        VerifyReport held = verifier().verify(List.of(quote("Cats sleep most of the day.", start, null),
                quote("The first sentence is here.", 0, null)));
        assertThat(held.verified()).isTrue();
        assertThat(held.exact()).isEqualTo(1);
        assertThat(held.moved()).isEqualTo(1);
        VerifyReport broken = verifier().verify(List.of(quote("Cats sleep most of the day.", start, null),
                quote("Dogs bark.", 0, null)));
        assertThat(broken.verified()).isFalse();
        assertThat(broken.changed()).isEqualTo(1);
    }

    @Test
    void should_check_against_the_folder_the_index_was_read_from_while_it_exists(@TempDir Path configured) {
        assertThat(CitationVerifier.indexedFolder(Optional.of(folder), () -> configured)).isEqualTo(folder);
        assertThat(CitationVerifier.indexedFolder(Optional.of(folder.resolve("gone")), () -> configured))
                .isEqualTo(configured);
        assertThat(CitationVerifier.indexedFolder(Optional.empty(), () -> configured)).isEqualTo(configured);
    }

    private CitationVerifier verifier() {
        return new CitationVerifier(folder);
    }

    private static CitedQuote quote(String quote, int start, String sha256) {
        return new CitedQuote(1, quote, null, "essay.txt", start, start + quote.length(), sha256);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text);
    }
}

package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.footnote.index.EssayRecord;
import dev.footnote.search.PassageHit;
import dev.footnote.text.Span;

/** Reading markers, dropping unsupported ones and numbering quotes, with the support judged by a fake. */
class CitationNumberingTest {

    private static final String FIRST = "One. Two. Three. Four. Five. Six.";
    private static final String SECOND = "Alpha. Beta.";

    /** (claim sentence, passage rank) → supporting sentence of that passage */
    private final Map<SupportJudge.Cite, Integer> support = new HashMap<>();
    private final CitationChecker checker = new CitationChecker((draft, passages, sentences) ->
            new SupportJudge.Support(support));

    @Test
    void should_number_quotes_in_order_of_first_use_keeping_the_retrieval_rank() {
        support.put(new SupportJudge.Cite(0, 2), 0);
        support.put(new SupportJudge.Cite(1, 1), 0);

        CitationChecker.Checked checked = checker.check("Claim a [2]. Claim b [1].", passages());

        assertThat(checked.answer()).isEqualTo("Claim a [1]. Claim b [2].");
        assertThat(checked.citations()).extracting(Citation::n, Citation::rank, Citation::quote)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2, "Alpha."),
                        org.assertj.core.groups.Tuple.tuple(2, 1, "One."));
    }

    @Test
    void should_join_sentences_at_most_one_apart_into_one_quote_and_keep_others_apart() {
        support.put(new SupportJudge.Cite(0, 1), 0);
        support.put(new SupportJudge.Cite(1, 1), 2);
        support.put(new SupportJudge.Cite(2, 1), 5);

        CitationChecker.Checked checked = checker.check("A [1]. B [1]. C [1].", passages());

        assertThat(checked.citations()).extracting(Citation::quote).containsExactly("One. Two. Three.", "Six.");
        assertThat(checked.answer()).isEqualTo("A [1]. B [1]. C [2].");
    }

    @Test
    void should_drop_unsupported_and_dangling_markers_and_report_their_claims() {
        support.put(new SupportJudge.Cite(1, 1), 1);

        CitationChecker.Checked checked = checker.check("Moons [1]. Two [1][9]. Nothing [7].", passages());

        assertThat(checked.answer()).isEqualTo("Moons. Two [1]. Nothing.");
        assertThat(checked.unsupported()).containsExactly("Moons.", "Nothing.");
        assertThat(checked.citations()).singleElement().extracting(Citation::quote).isEqualTo("Two.");
    }

    @Test
    void should_read_a_marker_list_as_markers_and_a_marker_opening_a_sentence_as_closing_the_previous() {
        Draft draft = Draft.read("First claim. [1, 2] Second claim [2].", 2);

        assertThat(draft.markers()).extracting(Draft.Marker::claim, Draft.Marker::passages)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, List.of(1, 2)),
                        org.assertj.core.groups.Tuple.tuple(1, List.of(2)));
        assertThat(draft.claims()).containsExactly(Map.entry(0, "First claim."), Map.entry(1, "Second claim."));
    }

    private static List<PassageHit> passages() {
        return List.of(passage(FIRST), passage(SECOND));
    }

    private static PassageHit passage(String text) {
        EssayRecord essay = new EssayRecord("e", "T", false, "A", null, null, List.of("e.txt"), "e.txt", 0, 1,
                "0f".repeat(32));
        return new PassageHit(UUID.randomUUID(), 0.8, 0.8, 0.8, text, "e.txt", 0, text.length(),
                new Span(0, text.length()), essay);
    }
}

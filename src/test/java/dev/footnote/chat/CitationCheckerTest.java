package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;


import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.footnote.ModelTests;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.index.EssayRecord;
import dev.footnote.search.PassageHit;
import dev.footnote.text.Span;

/** Citations from a drafted answer, with the real embedding model behind the support judge. */
@Tag(ModelTests.TAG)
class CitationCheckerTest {

    private static final String PASSAGE = "A sourdough starter needs flour and water. It must be fed every day. "
            + "Most bakers keep it in the fridge between bakes. The starter is ready when it doubles in size. "
            + "Rye flour makes it more active.";

    private final OnnxEncoder encoder = ModelTests.encoder();

    private CitationChecker checker() {
        return new CitationChecker(new EmbeddingSupportJudge(Embeddings.cached(encoder, 1000)));
    }

    private static PassageHit passage(String text) {
        EssayRecord essay = new EssayRecord("e1", "Starters", false, "Mallory", null, null, List.of("feed.txt"),
                "feed.txt", 0, 1, "0f".repeat(32));
        return new PassageHit(UUID.randomUUID(), 0.8, 0.6, 0.5, text, "feed.txt", 0, text.length(),
                new Span(0, text.length()), essay);
    }

    @Test
    void should_quote_the_sentences_of_claims_one_sentence_apart_as_one_stretch() {
        String draft = "“A sourdough starter needs flour and water.” [1]\n"
                + "“Most bakers keep it in the fridge between bakes.” [1]";

        CitationChecker.Checked result = checker().check(draft, List.of(passage(PASSAGE)));

        assertThat(result.citations()).singleElement().satisfies(c -> assertThat(c.quote()).isEqualTo(
                "A sourdough starter needs flour and water. It must be fed every day. "
                        + "Most bakers keep it in the fridge between bakes."));
    }

    @Test
    void should_give_claims_far_apart_in_one_passage_citations_of_their_own_each_quoting_its_sentence() {
        String draft = "“A sourdough starter needs flour and water.” [1]\n“Rye flour makes it more active.” [1]";

        CitationChecker.Checked result = checker().check(draft, List.of(passage(PASSAGE)));

        assertThat(result.answer())
                .isEqualTo("“A sourdough starter needs flour and water.” [1]\n“Rye flour makes it more active.” [2]");
        assertThat(result.citations()).extracting(Citation::n, Citation::rank, Citation::quote).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 1, "A sourdough starter needs flour and water."),
                org.assertj.core.groups.Tuple.tuple(2, 1, "Rye flour makes it more active."));
    }

    @Test
    void should_quote_the_very_sentence_a_paraphrased_claim_stands_on() {
        String draft = "You should feed a starter daily [1]. Rye flour makes a starter livelier [1].";

        CitationChecker.Checked result = checker().check(draft, List.of(passage(PASSAGE)));

        assertThat(result.citations()).extracting(Citation::quote)
                .containsExactly("It must be fed every day.", "Rye flour makes it more active.");
        assertThat(result.answer()).isEqualTo("You should feed a starter daily [1]. Rye flour makes a starter livelier [2].");
    }

    @Test
    void should_number_citations_in_order_of_first_use_and_keep_the_retrieval_rank() {
        List<PassageHit> passages = List.of(passage("Jupiter is the largest planet in the solar system."),
                passage("Saturn has the most spectacular rings of any planet."), passage(PASSAGE));
        String draft = "A starter needs flour and water [3]. Saturn's rings are spectacular [2]. "
                + "A starter must be fed every day [3].";

        CitationChecker.Checked result = checker().check(draft, passages);

        assertThat(result.answer()).isEqualTo("A starter needs flour and water [1]. Saturn's rings are spectacular [2]. "
                + "A starter must be fed every day [1].");
        assertThat(result.citations()).extracting(Citation::n, Citation::rank).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 3), org.assertj.core.groups.Tuple.tuple(2, 2));
        assertThat(result.citations().get(0).quote())
                .isEqualTo("A sourdough starter needs flour and water. It must be fed every day.");
    }

    @Test
    void should_report_a_claim_whose_only_marker_points_at_no_passage() {
        String draft = "The starter is ready when it doubles in size [1]. Bakers in Paris prefer rye [42].";

        CitationChecker.Checked result = checker().check(draft, List.of(passage(PASSAGE)));

        assertThat(result.answer()).isEqualTo("The starter is ready when it doubles in size [1]. "
                + "Bakers in Paris prefer rye.");
        assertThat(result.unsupported()).containsExactly("Bakers in Paris prefer rye.");
    }

    @Test
    void should_drop_a_citation_the_passage_does_not_support_and_a_marker_that_points_nowhere() {
        String draft = "Jupiter has ninety-five known moons [1]. A starter is ready when it doubles in size [1][4].";

        CitationChecker.Checked result = checker().check(draft, List.of(passage(PASSAGE)));

        assertThat(result.answer())
                .isEqualTo("Jupiter has ninety-five known moons. A starter is ready when it doubles in size [1].");
        assertThat(result.unsupported()).containsExactly("Jupiter has ninety-five known moons.");
        assertThat(result.citations()).singleElement()
                .satisfies(c -> assertThat(c.quote()).isEqualTo("The starter is ready when it doubles in size."));
    }
}

package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.index.EssayRecord;
import dev.footnote.search.PassageHit;
import io.quarkus.test.junit.QuarkusTest;

/** Citations from a drafted answer, with the real embedding model behind the support rule. */
@QuarkusTest
class CitationBuilderTest {

    private static final String PASSAGE = "A sourdough starter needs flour and water. It must be fed every day. "
            + "Most bakers keep it in the fridge between bakes. The starter is ready when it doubles in size. "
            + "Rye flour makes it more active.";

    @Inject
    OnnxEncoder encoder;

    private CitationBuilder builder() {
        return new CitationBuilder(encoder);
    }

    private static PassageHit passage(String text) {
        EssayRecord essay = new EssayRecord("e1", "Starters", false, "Mallory", null, List.of("feed.txt"), "feed.txt", 0,
                text, 1);
        return new PassageHit(UUID.randomUUID(), 0.8, 0.6, 0.5, text, "feed.txt", 0, text.length(), essay);
    }

    @Test
    void should_quote_the_sentences_of_claims_one_sentence_apart_as_one_stretch() {
        String draft = "“A sourdough starter needs flour and water.” [1]\n"
                + "“Most bakers keep it in the fridge between bakes.” [1]";

        CitationBuilder.Result result = builder().build(draft, List.of(passage(PASSAGE)));

        assertThat(result.citations()).singleElement().satisfies(c -> assertThat(c.quote()).isEqualTo(
                "A sourdough starter needs flour and water. It must be fed every day. "
                        + "Most bakers keep it in the fridge between bakes."));
    }

    @Test
    void should_quote_only_the_closest_sentence_when_claims_lie_far_apart() {
        String draft = "“A sourdough starter needs flour and water.” [1]\n“Rye flour makes it more active.” [1]";

        CitationBuilder.Result result = builder().build(draft, List.of(passage(PASSAGE)));

        assertThat(result.citations()).singleElement().satisfies(c -> {
            assertThat(PASSAGE).contains(c.quote());
            assertThat(c.quote()).isIn("A sourdough starter needs flour and water.", "Rye flour makes it more active.");
        });
    }

    @Test
    void should_drop_a_citation_the_passage_does_not_support_and_a_marker_that_points_nowhere() {
        String draft = "Jupiter has ninety-five known moons [1]. A starter is ready when it doubles in size [1][4].";

        CitationBuilder.Result result = builder().build(draft, List.of(passage(PASSAGE)));

        assertThat(result.answer())
                .isEqualTo("Jupiter has ninety-five known moons. A starter is ready when it doubles in size [1].");
        assertThat(result.unsupported()).containsExactly("Jupiter has ninety-five known moons.");
        assertThat(result.citations()).singleElement()
                .satisfies(c -> assertThat(c.quote()).isEqualTo("The starter is ready when it doubles in size."));
    }
}

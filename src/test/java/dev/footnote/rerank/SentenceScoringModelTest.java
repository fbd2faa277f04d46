package dev.footnote.rerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.footnote.ModelTests;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.EncoderModel;
import dev.footnote.embedding.OnnxEncoder;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;

@Tag(ModelTests.TAG)
class SentenceScoringModelTest {

    private static final String QUESTION = "Who designed the cards of Windows Solitaire?";

    private static OnnxEncoder encoder;
    private static SentenceScoringModel model;

    @BeforeAll
    static void load() {
        encoder = new OnnxEncoder(EncoderModel.FOOTNOTE_READER, 8, 1);
        model = new SentenceScoringModel(Embeddings.cached(encoder, 100));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void should_rank_the_passage_whose_sentence_answers_above_one_about_the_subject() {
        TextSegment subject = TextSegment.from("Solitaire shipped with Windows 3.0 in 1990. Millions of office "
                + "workers played it at their desks. Many people learned to use a mouse by dragging its cards.");
        TextSegment answer = TextSegment.from("The game was written by an intern over a summer. "
                + "Susan Kare designed the card faces. The intern was paid nothing for it.");

        List<Double> scores = model.scoreAll(List.of(subject, answer), QUESTION).content();

        assertThat(scores.get(1)).isGreaterThan(scores.get(0));
    }

    @Test
    void should_add_the_best_sentence_similarity_to_the_fused_relevance_it_is_given() {
        String text = "Susan Kare designed the card faces. The intern was paid nothing for it.";
        TextSegment plain = TextSegment.from(text);
        TextSegment ranked = TextSegment.from(text, new Metadata().put(ScoringModels.FUSED_SCORE, 0.25));

        List<Double> scores = model.scoreAll(List.of(plain, ranked), QUESTION).content();

        assertThat(scores.get(0)).isBetween(0.2, 1.0);
        assertThat(scores.get(1)).isCloseTo(scores.get(0) + 0.25, within(1e-9));
    }

    @Test
    void should_score_a_passage_without_a_quotable_sentence_below_any_that_has_one() {
        List<Double> scores = model.scoreAll(List.of(TextSegment.from("Cards."),
                TextSegment.from("Windows shipped with a card game.")), QUESTION).content();

        assertThat(scores.get(0)).isEqualTo(-1.0);
        assertThat(scores.get(1)).isGreaterThan(-1.0);
    }
}

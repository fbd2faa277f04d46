package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.footnote.evidence.SentenceCandidate;
import dev.footnote.text.Span;

class ExtractiveExcerptsTest {

    @Test
    void should_quote_one_contiguous_excerpt_around_the_best_sentence() {
        // given: in passage 0, sentence 2 is best and sentence 3 close behind; sentence 0 scores high but is not adjacent
        List<SentenceCandidate> candidates = byProbability(
                sentence(0, 0, 0.45), sentence(0, 1, 0.1), sentence(0, 2, 0.9), sentence(0, 3, 0.6),
                sentence(1, 0, 0.2));
        // when
        List<List<SentenceCandidate>> excerpts = ExtractiveAnswerer.excerpts(candidates);
        // then
        assertThat(excerpts).hasSize(1);
        assertThat(excerpts.get(0)).extracting(SentenceCandidate::ordinal).containsExactly(2, 3);
    }

    @Test
    void should_add_the_best_sentence_of_another_passage_only_when_it_is_nearly_as_likely() {
        List<SentenceCandidate> close = byProbability(sentence(1, 4, 0.9), sentence(0, 1, 0.85));
        List<SentenceCandidate> far = byProbability(sentence(1, 4, 0.9), sentence(0, 1, 0.5));

        assertThat(ExtractiveAnswerer.excerpts(close)).extracting(e -> e.get(0).passage()).containsExactly(0, 1);
        assertThat(ExtractiveAnswerer.excerpts(far)).hasSize(1);
    }

    /** Consecutive passages share a sentence: it is quoted once, under the best passage's number. */
    @Test
    void should_not_quote_a_sentence_twice_when_two_passages_hold_it() {
        SentenceCandidate shared = new SentenceCandidate(0, 5, new Span(50, 80), "Susan Kare designed the card faces.",
                new double[0], 0.9);
        SentenceCandidate again = new SentenceCandidate(1, 0, new Span(0, 30), "Susan Kare designed the card faces. ",
                new double[0], 0.88);
        List<List<SentenceCandidate>> excerpts = ExtractiveAnswerer.excerpts(byProbability(shared, again,
                sentence(2, 3, 0.75), sentence(1, 1, 0.1)));
        assertThat(excerpts).flatExtracting(e -> e).extracting(SentenceCandidate::text)
                .containsExactly("Susan Kare designed the card faces.", "sentence 2.3");
    }

    @Test
    void should_never_quote_more_than_three_sentences_in_one_excerpt() {
        List<SentenceCandidate> candidates = byProbability(sentence(0, 0, 0.8), sentence(0, 1, 0.8),
                sentence(0, 2, 0.9), sentence(0, 3, 0.8), sentence(0, 4, 0.8));
        assertThat(ExtractiveAnswerer.excerpts(candidates).get(0)).hasSize(ExtractiveAnswerer.MAX_SENTENCES);
    }

    private static SentenceCandidate sentence(int passage, int ordinal, double probability) {
        return new SentenceCandidate(passage, ordinal, new Span(ordinal * 10, ordinal * 10 + 9),
                "sentence " + passage + "." + ordinal, new double[0], probability);
    }

    private static List<SentenceCandidate> byProbability(SentenceCandidate... candidates) {
        return Stream.of(candidates).sorted(Comparator.comparingDouble(SentenceCandidate::probability).reversed())
                .toList();
    }
}

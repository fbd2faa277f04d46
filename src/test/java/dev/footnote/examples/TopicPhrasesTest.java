package dev.footnote.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicPhrasesTest {

    @Test
    void should_name_each_essay_by_a_phrase_it_repeats_and_the_others_do_not_use() {
        Map<String, String> essays = new LinkedHashMap<>();
        essays.put("chess", "Centaur chess pairs a player with an engine. In centaur chess the human picks among "
                + "the engine's moves. Some say Centaur chess is over. The game is still fun.");
        essays.put("garden", "Tomato plants need sun. Water tomato plants in the morning, and feed tomato plants "
                + "weekly. The game of gardening is patience.");
        essays.put("hardware", "The DGX Spark is small. A DGX Spark draws little power. I ran models on the "
                + "DGX Spark all week. The game ran too.");
        for (int i = 0; i < 9; i++) {
            essays.put("filler" + i, "The game is the thing, and the thing is the game; it is what it is.");
        }

        assertThat(TopicPhrases.of(essays)).extracting(TopicPhrases.Topic::essayId, TopicPhrases.Topic::phrase)
                .containsExactlyInAnyOrder(tuple("chess", "centaur chess"), tuple("garden", "tomato plants"),
                        tuple("hardware", "DGX Spark"));
    }

    @Test
    void should_not_pair_words_across_punctuation_or_count_a_phrase_used_once_or_twice() {
        Map<String, String> essays = new LinkedHashMap<>();
        essays.put("a", "Red kites. Red kites. Red, kites, red; kites. Blue herons and blue herons.");
        for (int i = 0; i < 9; i++) {
            essays.put("filler" + i, "Nothing here but words, and words, and more words.");
        }

        assertThat(TopicPhrases.of(essays)).isEmpty();
    }

    @Test
    void should_keep_hyphenated_words_whole_and_leave_out_pairs_with_common_words() {
        Map<String, String> essays = new LinkedHashMap<>();
        essays.put("eval", "Multiple-choice benchmarks are easy to score. Multiple-choice benchmarks leak. "
                + "Multiple-choice benchmarks saturate. The model is the model.");
        for (int i = 0; i < 9; i++) {
            essays.put("filler" + i, "The model is the model, and the choice is yours.");
        }

        assertThat(TopicPhrases.of(essays)).extracting(TopicPhrases.Topic::phrase)
                .containsExactly("Multiple-choice benchmarks");
    }
}

package dev.footnote.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CachedEmbedderTest {

    private final List<String> embedded = new ArrayList<>();

    private final CachedEmbedder embeddings = new CachedEmbedder(texts -> {
        embedded.addAll(texts);
        return texts.stream().map(t -> new float[] {t.length()}).toList();
    }, 2);

    @Test
    void should_embed_a_repeated_question_once() {
        float[] first = embeddings.embed("Who wrote about code review?");
        float[] second = embeddings.embed("  who wrote about   CODE review? ");
        assertThat(second).isSameAs(first);
        assertThat(embedded).containsExactly("Who wrote about code review?");
    }

    @Test
    void should_send_only_the_texts_not_cached_to_the_model_in_one_batch() {
        embeddings.embed("one");
        List<float[]> vectors = embeddings.embed(List.of("one", "three", "four"));
        assertThat(vectors).extracting(v -> v[0]).containsExactly(3f, 5f, 4f);
        assertThat(embedded).containsExactly("one", "three", "four");
    }

    @Test
    void should_stay_within_its_capacity_and_forget_the_least_recently_used() {
        embeddings.embed("one");
        embeddings.embed("two");
        embeddings.embed("one");
        embeddings.embed("three");
        assertThat(embeddings.size()).isEqualTo(2);
        embeddings.embed("one");
        embeddings.embed("two");
        assertThat(embedded).containsExactly("one", "two", "three", "two");
    }
}

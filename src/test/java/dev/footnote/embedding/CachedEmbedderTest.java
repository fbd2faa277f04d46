package dev.footnote.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CachedEmbedderTest {

    private final List<String> embedded = new ArrayList<>();

    private final CachedEmbedder embeddings = new CachedEmbedder((role, texts) -> {
        texts.forEach(t -> embedded.add(role == Embedder.Role.QUERY ? "?" + t : t));
        return texts.stream().map(t -> new float[] {t.length()}).toList();
    }, 2);

    @Test
    void should_embed_a_repeated_question_once() {
        float[] first = embeddings.embedQuery("Who wrote about code review?");
        float[] second = embeddings.embedQuery("  who wrote about   CODE review? ");
        assertThat(second).isSameAs(first);
        assertThat(embedded).containsExactly("?Who wrote about code review?");
    }

    @Test
    void should_send_only_the_texts_not_cached_to_the_model_in_one_batch() {
        embeddings.embedPassages(List.of("one"));
        List<float[]> vectors = embeddings.embedPassages(List.of("one", "three", "four"));
        assertThat(vectors).extracting(v -> v[0]).containsExactly(3f, 5f, 4f);
        assertThat(embedded).containsExactly("one", "three", "four");
    }

    @Test
    void should_keep_a_text_embedded_as_query_apart_from_the_same_text_as_passage() {
        embeddings.embedQuery("centaur chess");
        embeddings.embedPassages(List.of("centaur chess"));
        embeddings.embedQuery("centaur chess");
        assertThat(embedded).containsExactly("?centaur chess", "centaur chess");
    }

    @Test
    void should_stay_within_its_capacity_and_forget_the_least_recently_used() {
        embeddings.embedQuery("one");
        embeddings.embedQuery("two");
        embeddings.embedQuery("one");
        embeddings.embedQuery("three");
        assertThat(embeddings.size()).isEqualTo(2);
        embeddings.embedQuery("one");
        embeddings.embedQuery("two");
        assertThat(embedded).containsExactly("?one", "?two", "?three", "?two");
    }
}

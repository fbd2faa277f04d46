package dev.footnote.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

class CachedEmbeddingModelTest {

    private final List<String> embedded = new ArrayList<>();
    private final Cache<String, float[]> cache = Caffeine.newBuilder().maximumSize(3).executor(Runnable::run).build();
    private final Embeddings embeddings = Embeddings.cached(new Recording("?"), new Recording(""), cache);

    @Test
    void should_embed_a_repeated_question_once() {
        float[] first = embeddings.embedQuery("Who wrote about code review?");
        float[] second = embeddings.embedQuery("  who wrote about   CODE review? ");
        assertThat(second).isEqualTo(first);
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
    void should_share_one_bounded_cache_between_the_roles() {
        embeddings.embedQuery("one");
        embeddings.embedPassages(List.of("two"));
        assertThat(cache.asMap()).containsOnlyKeys("QUERY:one", "PASSAGE:two");

        embeddings.embedPassages(List.of("three", "four", "five"));
        cache.cleanUp();
        assertThat(cache.estimatedSize()).isEqualTo(3);
    }

    /** A model whose vector of a text is its length; it records what it was asked to embed. */
    private final class Recording implements EmbeddingModel {
        private final String mark;

        Recording(String mark) {
            this.mark = mark;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(segment -> embedded.add(mark + segment.text()));
            return Response.from(segments.stream()
                    .map(segment -> Embedding.from(new float[] { segment.text().length() })).toList());
        }
    }
}

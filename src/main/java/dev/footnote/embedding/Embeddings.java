package dev.footnote.embedding;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * The embedding model as the request path uses it: LangChain4j {@link EmbeddingModel}s for its two
 * {@link Role roles}, usually over one cache (see {@link #cached}), so that a text is embedded once per
 * role however many stages read its vector.
 */
public final class Embeddings {

    private final EmbeddingModel queries;
    private final EmbeddingModel passages;

    private Embeddings(EmbeddingModel queries, EmbeddingModel passages) {
        this.queries = queries;
        this.passages = passages;
    }

    /** The encoder's two roles, sharing one cache of at most {@code cacheSize} vectors. */
    public static Embeddings cached(OnnxEncoder encoder, int cacheSize) {
        return cached(encoder.embeddingModel(Role.QUERY), encoder.embeddingModel(Role.PASSAGE),
                Caffeine.newBuilder().maximumSize(cacheSize).build());
    }

    /** Two role models sharing {@code cache}. */
    public static Embeddings cached(EmbeddingModel queries, EmbeddingModel passages, Cache<String, float[]> cache) {
        return new Embeddings(new CachedEmbeddingModel(queries, Role.QUERY, cache),
                new CachedEmbeddingModel(passages, Role.PASSAGE, cache));
    }

    /** The unit-length vector of a question. */
    public float[] embedQuery(String question) {
        return queries.embed(question).content().vector();
    }

    /** The unit-length vectors of passages, or of any texts compared with a question or with each other. */
    public List<float[]> embedPassages(List<String> texts) {
        return passages.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }
}

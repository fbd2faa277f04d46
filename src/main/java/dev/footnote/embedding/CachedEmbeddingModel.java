package dev.footnote.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

/**
 * An {@link EmbeddingModel} that remembers recently used vectors in a cache it may share with the model's
 * other role: a text embedded again in the same role (the question searched for and then read by the evidence
 * model, a passage sentence scored and then checked for its citation) costs no model call. Only the texts not
 * cached go to the model, in one batch.
 *
 * <p>Texts differing only in case or spacing share an entry: the models' tokenizers lower-case and split on
 * whitespace, so their vectors are the same.
 */
final class CachedEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel model;
    private final String role;
    private final Cache<String, float[]> cache;

    CachedEmbeddingModel(EmbeddingModel model, Role role, Cache<String, float[]> cache) {
        this.model = model;
        this.role = role.name();
        this.cache = cache;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> embeddings = new ArrayList<>(segments.size());
        List<Integer> missing = new ArrayList<>();
        for (TextSegment segment : segments) {
            float[] cached = cache.getIfPresent(key(segment.text()));
            embeddings.add(cached == null ? null : Embedding.from(cached));
            if (cached == null) {
                missing.add(embeddings.size() - 1);
            }
        }
        if (!missing.isEmpty()) {
            List<Embedding> fresh = model.embedAll(
                    missing.stream().map(i -> TextSegment.from(segments.get(i).text().strip())).toList()).content();
            for (int m = 0; m < missing.size(); m++) {
                int i = missing.get(m);
                embeddings.set(i, fresh.get(m));
                cache.put(key(segments.get(i).text()), fresh.get(m).vector());
            }
        }
        return Response.from(embeddings);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String modelName() {
        return model.modelName();
    }

    private String key(String text) {
        return role + ":" + text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

package dev.footnote.embedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link Embedder} that remembers its most recently used vectors: a text embedded again in the same role
 * (the same question asked twice, a passage sentence scored by the evidence model and then checked for its
 * citation) costs no model call. Only the texts not cached go to the model, in one batch.
 *
 * <p>Texts differing only in case or spacing share an entry: the models' tokenizers lower-case and split on
 * whitespace, so their vectors are the same. A text embedded as a query and as a passage has two entries.
 */
public final class CachedEmbedder implements Embedder {

    private final Embedder embedder;
    private final Map<String, float[]> cache;

    public CachedEmbedder(Embedder embedder, int capacity) {
        this.embedder = embedder;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public List<float[]> embed(Role role, List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        synchronized (cache) {
            for (String text : texts) {
                float[] cached = cache.get(key(role, text));
                vectors.add(cached);
                if (cached == null) {
                    missing.add(vectors.size() - 1);
                }
            }
        }
        if (missing.isEmpty()) {
            return vectors;
        }
        List<float[]> fresh = embedder.embed(role, missing.stream().map(i -> texts.get(i).strip()).toList());
        synchronized (cache) {
            for (int m = 0; m < missing.size(); m++) {
                int i = missing.get(m);
                vectors.set(i, fresh.get(m));
                cache.put(key(role, texts.get(i)), fresh.get(m));
            }
        }
        return vectors;
    }

    int size() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private static String key(Role role, String text) {
        return role + ":" + text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

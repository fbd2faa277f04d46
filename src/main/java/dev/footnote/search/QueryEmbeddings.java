package dev.footnote.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.footnote.embedding.Embedder;

/**
 * Question vectors, kept in a bounded least-recently-used cache: asking the same question twice embeds it
 * once. Questions differing only in case or spacing share an entry.
 */
final class QueryEmbeddings {

    private final Embedder embedder;
    private final Map<String, float[]> cache;

    QueryEmbeddings(Embedder embedder, int capacity) {
        this.embedder = embedder;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    float[] embed(String question) {
        String key = question.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        synchronized (cache) {
            float[] cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        float[] vector = embedder.embed(List.of(question.strip())).get(0);
        synchronized (cache) {
            cache.put(key, vector);
        }
        return vector;
    }

    int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}

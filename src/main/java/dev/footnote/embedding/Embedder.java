package dev.footnote.embedding;

import java.util.List;

/**
 * Turns texts into unit-length vectors; the i-th vector belongs to the i-th text. A question is embedded as a
 * {@link Role#QUERY query}; what it is compared with (passage windows, the sentences of retrieved passages) as
 * {@link Role#PASSAGE passages}, and texts compared with each other in the same role.
 */
@FunctionalInterface
public interface Embedder {

    /** What a text is to the model; some models read questions and passages with different prefixes. */
    enum Role {
        QUERY,
        PASSAGE
    }

    List<float[]> embed(Role role, List<String> texts);

    /** The vector of one question. */
    default float[] embedQuery(String text) {
        return embed(Role.QUERY, List.of(text)).get(0);
    }

    /** The vectors of passages, or of any texts compared with a question. */
    default List<float[]> embedPassages(List<String> texts) {
        return embed(Role.PASSAGE, texts);
    }
}

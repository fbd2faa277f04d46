package dev.footnote.embedding;

/**
 * What a text is to the embedding model; some models read questions and passages with different prefixes.
 * A question is embedded as a {@link #QUERY query}; what it is compared with (passage windows, the sentences
 * of retrieved passages) as {@link #PASSAGE passages}, and texts compared with each other in the same role.
 */
public enum Role {
    QUERY,
    PASSAGE
}

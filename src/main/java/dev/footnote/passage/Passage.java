package dev.footnote.passage;

import dev.footnote.corpus.Span;

/**
 * A retrievable piece of an essay: whole sentences, verbatim, with their exact place in the source file.
 *
 * @param ordinal       position among the essay's passages, from 0
 * @param source        the source file that {@code span} indexes into
 * @param span          {@code fileText.substring(span.start(), span.end())} equals {@code text}
 * @param text          the passage as written
 * @param embeddingText what the embedding model reads: the essay title, then the passage
 * @param tokens        word pieces of {@code embeddingText}, within the model's input
 */
public record Passage(int ordinal, String source, Span span, String text, String embeddingText, int tokens) {
}

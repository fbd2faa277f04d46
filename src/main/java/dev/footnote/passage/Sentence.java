package dev.footnote.passage;

import dev.footnote.text.Span;

/**
 * A sentence of an essay: its span in the source file and its size in word pieces.
 *
 * @param span   where it stands in the source file, trimmed
 * @param tokens word pieces, as the embedding model counts them
 * @param indexed {@code false} for a repeat inside the essay or boilerplate shared across essays
 */
record Sentence(Span span, int tokens, boolean indexed) {

    Sentence excluded() {
        return new Sentence(span, tokens, false);
    }
}

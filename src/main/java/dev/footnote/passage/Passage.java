package dev.footnote.passage;

import java.util.List;

import dev.footnote.text.Span;

/**
 * A retrievable piece of an essay: whole sentences, verbatim, with their exact place in the source file.
 *
 * <p>A passage may be longer than the embedding model reads, so it is embedded as {@link Window windows}:
 * runs of its consecutive sentences, each within the model's input, and scored by its closest window.
 *
 * @param ordinal     position among the essay's passages, from 0
 * @param source      the source file that {@code span} indexes into
 * @param span        {@code fileText.substring(span.start(), span.end())} equals {@code text}
 * @param sourceSpan  the stretch of the raw file that holds it: {@code span} itself for a text file, the
 *                    markup around its words included for Markdown, HTML and feeds
 * @param text        the passage as written
 * @param searchText  what keyword search reads: the essay title, then the passage
 * @param tokens      word pieces of {@code text}
 * @param windows     what the embedding model reads, in order; together they cover every sentence
 */
public record Passage(int ordinal, String source, Span span, Span sourceSpan, String text, String searchText,
        int tokens, List<Window> windows) {

    public Passage {
        windows = List.copyOf(windows);
    }

    /**
     * One embedded view of a passage: the essay title, then consecutive sentences of the passage.
     *
     * @param span          the sentences it holds, in the source file
     * @param embeddingText what the model reads: the essay title (if any), then the sentences
     * @param tokens        word pieces of {@code embeddingText}, within the model's input
     */
    public record Window(Span span, String embeddingText, int tokens) {
    }
}

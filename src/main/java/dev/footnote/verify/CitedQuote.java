package dev.footnote.verify;

/**
 * A citation to re-check, as an answer carries it: the quote, and where it stood when the answer was given.
 * Only {@code quote}, {@code source}, {@code start} and {@code end} are needed; {@code text} (the cited
 * passage, which holds the quote) and {@code sha256} (the file's digest as indexed) come with every Footnote
 * citation.
 *
 * @param n     the citation's number in the answer, if any
 * @param start with {@code text}, where {@code text} starts in the file; without it, where {@code quote} starts
 * @param end   the end of {@code text}, or of {@code quote} without it
 */
public record CitedQuote(Integer n, String quote, String text, String source, int start, int end, String sha256) {

    /** Where the quote stood in the file: inside the passage {@code text} if there is one. */
    int quoteStart() {
        int within = text == null ? -1 : text.indexOf(quote);
        return within < 0 ? start : start + within;
    }

    int quoteEnd() {
        return quoteStart() + quote.length();
    }
}

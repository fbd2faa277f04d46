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
 * @param textStart for a file with markup, where {@code text} starts in its reading text, which quotes are checked
 *              against ({@code null}: the file's own text, at {@code start})
 */
public record CitedQuote(Integer n, String quote, String text, String source, int start, int end, String sha256,
        Integer textStart) {

    /** A citation of a text file, whose offsets on disk and in its text agree. */
    public CitedQuote(Integer n, String quote, String text, String source, int start, int end, String sha256) {
        this(n, quote, text, source, start, end, sha256, null);
    }

    /** Where the quote stood in the text quotes are checked against: inside the passage {@code text} if any. */
    int quoteStart() {
        int from = text != null && textStart != null ? textStart : start;
        int within = text == null ? -1 : text.indexOf(quote);
        return within < 0 ? from : from + within;
    }

    int quoteEnd() {
        return quoteStart() + quote.length();
    }
}

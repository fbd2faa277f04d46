package dev.footnote.chat;

import dev.footnote.search.PassageHit;
import dev.footnote.text.Span;

/**
 * A numbered citation: {@code [n]} in the answer points at this retrieved passage.
 *
 * @param n     the number of {@code [n]} in the answer: 1..m in order of first use
 * @param rank  the passage's rank among the retrieved passages, from 1
 * @param quote  the passage's sentence(s) that support the claims citing it; a substring of {@code text}
 * @param sourceStart where the passage's stretch of the raw file starts: {@code start} for a text file, before the
 *               markup around its words for Markdown, HTML and feeds (whose {@code start} counts in their reading
 *               text)
 * @param sourceEnd   where that stretch ends
 * @param sha256 the SHA-256 of the file {@code source} as indexed: {@code verify} tells from it and the quote
 *               whether the file still holds the quote where it was
 */
public record Citation(int n, int rank, String quote, String text, String source, int start, int end,
        int sourceStart, int sourceEnd, String sha256, CitedEssay essay) {

    /** Where the quote stands in the file: inside the passage, or the passage itself if it does not hold it. */
    public Span quoteSpan() {
        int within = text == null || quote == null ? -1 : text.indexOf(quote);
        return within < 0 ? new Span(start, end) : new Span(start + within, start + within + quote.length());
    }

    /** The essay a citation comes from. */
    public record CitedEssay(String id, String title, String author, String url) {
    }

    static Citation of(int n, int rank, String quote, PassageHit passage) {
        return new Citation(n, rank, quote, passage.text(), passage.source(), passage.start(), passage.end(),
                passage.sourceSpan().start(), passage.sourceSpan().end(),
                passage.essay().sourceSha256(),
                new CitedEssay(passage.essay().id(), passage.essay().title(), passage.essay().author(),
                        passage.essay().url()));
    }
}

package dev.footnote.chat;

import dev.footnote.search.PassageHit;
import dev.footnote.text.Span;

/**
 * A numbered citation: {@code [n]} in the answer points at this retrieved passage.
 *
 * @param n     the number of {@code [n]} in the answer: 1..m in order of first use
 * @param rank  the passage's rank among the retrieved passages, from 1
 * @param quote  the passage's sentence(s) that support the claims citing it; a substring of {@code text}
 * @param start  where the passage starts in the file as it is on disk; for Markdown, HTML and feeds, where the
 *               stretch of markup that holds it starts
 * @param end    where that stretch ends
 * @param textStart where {@code text} starts in the file's reading text (the text a reader sees, which verify, MCP
 *               and the page read): {@code start} again for a text file
 * @param textEnd   where {@code text} ends there
 * @param sha256 the SHA-256 of the file {@code source} as indexed: {@code verify} tells from it and the quote
 *               whether the file still holds the quote where it was
 */
public record Citation(int n, int rank, String quote, String text, String source, int start, int end,
        int textStart, int textEnd, String sha256, CitedEssay essay) {

    /**
     * Where the quote stands in the file on disk: inside the passage, or the passage's stretch itself if it does not
     * hold the quote or the file holds markup (whose characters do not line up with {@code text}'s).
     */
    public Span quoteSpan() {
        int within = text == null || quote == null ? -1 : text.indexOf(quote);
        boolean verbatim = textStart == start && textEnd == end;
        return within < 0 || !verbatim ? new Span(start, end)
                : new Span(start + within, start + within + quote.length());
    }

    /** The essay a citation comes from. */
    public record CitedEssay(String id, String title, String author, String url) {
    }

    static Citation of(int n, int rank, String quote, PassageHit passage) {
        return new Citation(n, rank, quote, passage.text(), passage.source(), passage.sourceSpan().start(),
                passage.sourceSpan().end(), passage.start(), passage.end(),
                passage.essay().sourceSha256(),
                new CitedEssay(passage.essay().id(), passage.essay().title(), passage.essay().author(),
                        passage.essay().url()));
    }
}

package dev.footnote.verify;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of re-checking one citation.
 *
 * @param start        where the quote stands now ({@code exact}, {@code moved}), or stood ({@code changed},
 *                     {@code missing})
 * @param citedStart   where the citation said it stood
 * @param fileUnchanged whether the file's SHA-256 equals the citation's; {@code null} when the citation has none
 *                     or the file is gone
 * @param closest      for {@code changed}: the file's sentence closest to the quote now
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteCheck(Integer n, QuoteStatus status, String source, String quote, int start, int end,
        int citedStart, int citedEnd, Boolean fileUnchanged, ClosestSentence closest) {

    /** The sentence of the file that shares the most words with a quote that is gone. */
    public record ClosestSentence(String text, int start, int end) {
    }
}

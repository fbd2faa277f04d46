package dev.footnote.mcp;

import java.util.ArrayList;
import java.util.List;

import dev.footnote.index.EssayText;

/**
 * Finds a quotation in the essays' bodies, character for character: what {@code verify_quote} answers. Nothing
 * is normalised (case, quotes, dashes, spaces), so text that differs in one character is not found; an agent
 * that must quote the essays can rely on a match being exactly the essay's words.
 */
final class QuoteFinder {

    /** The most matches listed; {@code occurrences} counts them all. */
    static final int MAX_MATCHES = 20;

    private QuoteFinder() {
    }

    /**
     * Where the quote occurs.
     *
     * @param found       whether the quote occurs verbatim in at least one essay
     * @param occurrences how many times it occurs
     * @param matches     the first {@value #MAX_MATCHES} occurrences, in file order
     */
    public record QuoteCheck(boolean found, int occurrences, List<QuoteMatch> matches) {
    }

    /** One occurrence: {@code fileText.substring(start, end)} is the quote. */
    public record QuoteMatch(String source, int start, int end, EssayRef essay) {
    }

    static QuoteCheck find(List<EssayText> essays, String quote) {
        List<QuoteMatch> matches = new ArrayList<>();
        int occurrences = 0;
        for (EssayText essay : essays) {
            for (int i = essay.body().indexOf(quote); i >= 0; i = essay.body().indexOf(quote, i + 1)) {
                occurrences++;
                if (matches.size() < MAX_MATCHES) {
                    int start = essay.essay().bodyStart() + i;
                    matches.add(new QuoteMatch(essay.essay().source(), start, start + quote.length(),
                            EssayRef.of(essay.essay())));
                }
            }
        }
        return new QuoteCheck(occurrences > 0, occurrences, matches);
    }
}

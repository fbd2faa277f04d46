package dev.footnote.verify;

/**
 * Finds every occurrence of a quote in a text in one pass (Knuth-Morris-Pratt): time linear in the text and the
 * quote together, whatever they hold, where a naive search can take their product on purpose-built input.
 */
final class QuoteSearch {

    private QuoteSearch() {
    }

    /** The occurrence of {@code quote} in {@code text} nearest to {@code near}, the first among equals; or -1. */
    static int nearestOccurrence(String text, String quote, int near) {
        if (quote.isEmpty() || quote.length() > text.length()) {
            return -1;
        }
        int[] fallback = fallback(quote);
        int best = -1;
        int matched = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (matched > 0 && c != quote.charAt(matched)) {
                matched = fallback[matched - 1];
            }
            if (c == quote.charAt(matched)) {
                matched++;
            }
            if (matched == quote.length()) {
                int at = i - quote.length() + 1;
                if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) {
                    best = at;
                }
                matched = fallback[matched - 1];
            }
        }
        return best;
    }

    /** For each prefix of {@code quote}, the length of its longest proper prefix that is also its suffix. */
    private static int[] fallback(String quote) {
        int[] fallback = new int[quote.length()];
        int length = 0;
        for (int i = 1; i < quote.length(); i++) {
            while (length > 0 && quote.charAt(i) != quote.charAt(length)) {
                length = fallback[length - 1];
            }
            if (quote.charAt(i) == quote.charAt(length)) {
                length++;
            }
            fallback[i] = length;
        }
        return fallback;
    }
}

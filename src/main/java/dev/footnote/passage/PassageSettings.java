package dev.footnote.passage;

/**
 * How essays are cut into passages. Recorded with the index: passages cut differently are not comparable,
 * so a change requires a full reindex.
 *
 * @param maxPassageTokens word pieces of passage text at most
 * @param windowTokens     word pieces of passage text in one embedded window at most, leaving room for the
 *                         essay title within the model's input
 * @param overlapTokens    consecutive passages (and windows) share a sentence when it is this short or less
 */
public record PassageSettings(int maxPassageTokens, int windowTokens, int overlapTokens) {

    /** Bumped whenever the cutting rules change in a way that changes passages. */
    public static final int RULES_VERSION = 4;

    public PassageSettings {
        if (windowTokens < 1 || maxPassageTokens < windowTokens) {
            throw new IllegalArgumentException("passages need 1 <= window-tokens <= max-tokens, not window-tokens="
                    + windowTokens + " and max-tokens=" + maxPassageTokens);
        }
    }

    public String fingerprint() {
        return "sentences-v" + RULES_VERSION + ";max=" + maxPassageTokens + ";window=" + windowTokens + ";overlap="
                + overlapTokens + ";context=title";
    }
}

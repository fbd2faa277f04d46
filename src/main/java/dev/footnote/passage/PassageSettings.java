package dev.footnote.passage;

/**
 * How essays are cut into passages. Recorded with the index: passages cut differently are not comparable,
 * so a change requires a full reindex.
 *
 * @param maxPassageTokens word pieces of passage text at most, leaving room for the title within the window
 * @param overlapTokens    a passage repeats the previous passage's last sentence when it is this short or less
 */
public record PassageSettings(int maxPassageTokens, int overlapTokens) {

    /** Bumped whenever the cutting rules change in a way that changes passages. */
    public static final int RULES_VERSION = 1;

    public String fingerprint() {
        return "sentences-v" + RULES_VERSION + ";max=" + maxPassageTokens + ";overlap=" + overlapTokens
                + ";context=title";
    }
}

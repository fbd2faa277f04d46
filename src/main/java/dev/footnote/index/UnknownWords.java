package dev.footnote.index;

/**
 * How many of a text's words no served passage holds, of its words as the keyword search reads them
 * (English-stemmed, stop words left out).
 */
public record UnknownWords(int unknown, int words) {

    /** The unknown words' share, from 0 (or no words at all) to 1. */
    public double share() {
        return words == 0 ? 0 : (double) unknown / words;
    }
}

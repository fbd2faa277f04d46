package dev.footnote.search;

import dev.footnote.index.EssayRecord;

/**
 * A retrieved passage.
 *
 * @param score cosine similarity between question and passage, in [-1, 1]; higher is closer
 * @param start offset of {@code text} in the file {@code source}
 */
public record PassageHit(double score, String text, String source, int start, int end, EssayRecord essay) {
}

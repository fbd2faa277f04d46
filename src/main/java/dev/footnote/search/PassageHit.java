package dev.footnote.search;

import java.util.UUID;

import dev.footnote.text.Span;

import dev.footnote.index.EssayRecord;

/**
 * A retrieved passage.
 *
 * @param score      relevance in [0, 1], see {@link Relevance}; higher is closer
 * @param similarity cosine similarity of question and passage embeddings, in [-1, 1]
 * @param keywords   share of the question's distinctive words found in the passage, in [0, 1]
 * @param start      offset of {@code text} in the file {@code source} (in its reading text, for markup)
 * @param sourceSpan the stretch of the raw file that holds the passage: {@code [start, end)} for a text file
 */
public record PassageHit(UUID passageId, double score, double similarity, double keywords, String text,
        String source, int start, int end, Span sourceSpan, EssayRecord essay) {
}

package dev.footnote.search;

import java.util.UUID;

/**
 * A passage the retrieval legs found, with what ranking it needs: its features and relevance, where it is (ties
 * break by place) and its essay (for the per-essay share). Its text and essay are read only for the passages kept
 * ({@link PassageHit}).
 *
 * @param score      relevance in [0, 1], see {@link Relevance}
 * @param similarity cosine similarity of question and passage embeddings, in [-1, 1]
 * @param keywords   share of the question's word weight found in the passage, in [0, 1]
 * @param start      offset of the passage in the file {@code source}
 */
record Candidate(UUID passageId, double score, double similarity, double keywords, String source, int start,
        String essayId) {
}

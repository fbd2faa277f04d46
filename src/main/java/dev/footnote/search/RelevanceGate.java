package dev.footnote.search;

import java.util.List;

/**
 * The relevance stage: which retrieved passages are relevant enough to answer from. Chat answers only from
 * the passages it admits, and {@code /api/passages} and MCP report its verdict on each passage as
 * {@code relevant}, so the one threshold decides both.
 */
public interface RelevanceGate {

    boolean isRelevant(PassageHit hit);

    /** The relevant passages of {@code hits}, in their order. */
    default List<PassageHit> admit(List<PassageHit> hits) {
        return hits.stream().filter(this::isRelevant).toList();
    }
}

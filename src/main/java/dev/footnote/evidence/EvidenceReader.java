package dev.footnote.evidence;

import java.util.List;

import dev.footnote.search.PassageHit;

/**
 * The evidence stage: reads the passages that cleared the relevance gate for the sentences that state the
 * answer, and judges whether any does. A question it declines never reaches an answerer.
 */
public interface EvidenceReader {

    Evidence find(String question, List<PassageHit> passages);
}

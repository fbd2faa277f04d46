package dev.footnote.evidence;

import java.util.List;

/**
 * What the retrieved passages hold for a question: their sentences, most likely answer first, and whether
 * any of them answers it at all.
 *
 * @param candidates   the passages' sentences, by descending probability of stating the answer
 * @param answerable   probability that the passages answer the question
 * @param declined     {@code true} when {@code answerable} is below the calibrated threshold: the essays
 *                     discuss the subject, but do not state what is asked
 */
public record Evidence(List<SentenceCandidate> candidates, double answerable, boolean declined) {

    public static final Evidence NONE = new Evidence(List.of(), 0, true);
}

package dev.footnote.evidence;

import dev.footnote.text.Span;

/**
 * A sentence of a retrieved passage that might answer the question.
 *
 * @param passage     index of its passage among those retrieved, from 0
 * @param ordinal     position among the sentences of its passage, from 0
 * @param span        where it stands in the passage text
 * @param features    what the sentence model reads, in the order of {@link EvidenceFeatures#SENTENCE}
 * @param probability how likely it states the answer, by the sentence model
 */
public record SentenceCandidate(int passage, int ordinal, Span span, String text, double[] features,
        double probability) {

    SentenceCandidate scored(double probability) {
        return new SentenceCandidate(passage, ordinal, span, text, features, probability);
    }
}

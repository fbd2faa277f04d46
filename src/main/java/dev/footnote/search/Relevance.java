package dev.footnote.search;

/**
 * The score of a passage for a question: one number in [0, 1] from the two legs.
 *
 * <pre>score = w · semantic + (1 − w) · lexical</pre>
 * <ul>
 *   <li><b>semantic</b>: cosine similarity of question and passage embeddings, mapped linearly from the
 *   embedding model's range [{@code cosineFloor}, {@code cosineCeiling}] to [0, 1] (MiniLM's is
 *   [{@value #COSINE_FLOOR}, {@value #COSINE_CEILING}]: it puts unrelated English text around 0.1 and
 *   paraphrases above 0.7);</li>
 *   <li><b>lexical</b>: the share of the question's distinctive words (stemmed, weighted by inverse document
 *   frequency) that the passage or its essay title contains.</li>
 * </ul>
 * Scores are comparable across questions, which is what lets one threshold decide that the essays say
 * nothing relevant.
 */
public record Relevance(double semanticWeight, double cosineFloor, double cosineCeiling) {

    static final double COSINE_FLOOR = 0.1;
    static final double COSINE_CEILING = 0.7;

    /** With MiniLM's range. */
    public Relevance(double semanticWeight) {
        this(semanticWeight, COSINE_FLOOR, COSINE_CEILING);
    }

    public double score(double cosine, double lexicalShare) {
        double semantic = Math.min(1, Math.max(0, (cosine - cosineFloor) / (cosineCeiling - cosineFloor)));
        return semanticWeight * semantic + (1 - semanticWeight) * Math.min(1, Math.max(0, lexicalShare));
    }
}

package dev.footnote.eval;

import java.util.Optional;

import dev.footnote.chat.Citation.CitedEssay;

/**
 * What happened to one evaluation question.
 *
 * @param rank     1-based rank of the first passage holding the evidence among those retrieved, 0 if none
 *                 (answerable questions only)
 * @param reached  the evidence is among the passages the answerer received
 * @param answered chat answered with citations rather than declining
 * @param quoted   the quotes of the answer's citations hold the evidence
 * @param cited    the essay of the answer's first citation, if it answered
 * @param repeated the answer puts one stretch of a source file under two citations
 */
public record Outcome(EvalQuestion question, int rank, boolean reached, boolean answered, boolean quoted,
        Optional<CitedEssay> cited, boolean repeated) {

    /** An outcome without anything cited. */
    public Outcome(EvalQuestion question, int rank, boolean reached, boolean answered, boolean quoted) {
        this(question, rank, reached, answered, quoted, Optional.empty(), false);
    }

    boolean hitAt(int k) {
        return rank > 0 && rank <= k;
    }

    double reciprocalRankAt(int k) {
        return hitAt(k) ? 1.0 / rank : 0;
    }
}

package dev.footnote.eval;

/**
 * What happened to one evaluation question.
 *
 * @param rank     1-based rank of the first passage holding the evidence among those retrieved, 0 if none
 *                 (answerable questions only)
 * @param reached  the evidence is among the passages the answerer received
 * @param answered chat answered with citations rather than declining
 * @param quoted   the quotes of the answer's citations hold the evidence
 */
public record Outcome(EvalQuestion question, int rank, boolean reached, boolean answered, boolean quoted) {

    boolean hitAt(int k) {
        return rank > 0 && rank <= k;
    }

    double reciprocalRankAt(int k) {
        return hitAt(k) ? 1.0 / rank : 0;
    }
}

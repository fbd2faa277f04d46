package dev.footnote.eval;

import java.util.List;
import java.util.Locale;

/**
 * Retrieval and answer quality over an evaluation set.
 *
 * @param hitAt1               share of answerable questions with a hit at rank 1 (likewise 3, 5, 10)
 * @param mrrAt10              mean reciprocal rank of the first hit within the top 10
 * @param refusalAccuracy      share of {@code kind: none} questions that chat refused
 * @param answeredAccuracy     share of answerable questions that chat answered
 * @param quotedEvidence       share of answerable questions whose answer quotes hold the evidence
 * @param misses               ids of answerable questions without a hit in the top {@code k}
 * @param answeredUnanswerable ids of {@code kind: none} questions that chat answered all the same
 */
public record EvalReport(int questions, int answerable, int unanswerable, int k, double hitAt1, double hitAt3,
        double hitAt5, double hitAt10, double mrrAt10, double refusalAccuracy, double answeredAccuracy,
        double quotedEvidence, double p50Millis, double answerP50Millis, List<String> misses,
        List<String> answeredUnanswerable) {

    public String text() {
        return String.format(Locale.ROOT, """
                questions: %d (%d answerable, %d not answerable by the essays), k = %d
                hit@1  %.3f
                hit@3  %.3f
                hit@5  %.3f
                hit@10 %.3f
                MRR@10 %.3f
                refusal accuracy (not answerable, refused):  %.3f
                answered accuracy (answerable, answered):    %.3f
                evidence quoted (answerable, in the answer): %.3f
                retrieval p50: %.1f ms, answer p50: %.1f ms
                misses: %s
                answered, not answerable: %s""", questions, answerable, unanswerable, k, hitAt1, hitAt3, hitAt5,
                hitAt10, mrrAt10, refusalAccuracy, answeredAccuracy, quotedEvidence, p50Millis, answerP50Millis,
                list(misses), list(answeredUnanswerable));
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}

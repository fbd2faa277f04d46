package dev.footnote.eval;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The measures of a group of evaluation questions. Shares of answerable questions unless named otherwise;
 * hit@5 and MRR@10 come with a bootstrap 95 % interval, since a few dozen questions leave them uncertain.
 *
 * @param reached          evidence among the passages the answerer received
 * @param quoted           evidence in the answer's quotes
 * @param falseRefusals    answerable questions that chat declined
 * @param refused          {@code kind: none} questions that chat declined (share of those)
 */
public record Figures(int answerable, int unanswerable, double hitAt1, double hitAt3, double hitAt5,
        double hitAt10, double mrrAt10, Interval hitAt5Interval, Interval mrrAt10Interval, double reached,
        double quoted, double falseRefusals, double refused) {

    /** A bootstrap percentile interval. */
    public record Interval(double low, double high) {
    }

    static Figures of(List<Outcome> outcomes) {
        List<Outcome> answerable = outcomes.stream().filter(o -> o.question().answerable()).toList();
        List<Outcome> none = outcomes.stream().filter(o -> !o.question().answerable()).toList();
        return new Figures(answerable.size(), none.size(),
                mean(answerable, o -> o.hitAt(1) ? 1 : 0), mean(answerable, o -> o.hitAt(3) ? 1 : 0),
                mean(answerable, o -> o.hitAt(5) ? 1 : 0), mean(answerable, o -> o.hitAt(10) ? 1 : 0),
                mean(answerable, o -> o.reciprocalRankAt(10)),
                Bootstrap.interval(answerable, o -> o.hitAt(5) ? 1 : 0),
                Bootstrap.interval(answerable, o -> o.reciprocalRankAt(10)),
                mean(answerable, o -> o.reached() ? 1 : 0), mean(answerable, o -> o.quoted() ? 1 : 0),
                mean(answerable, o -> o.answered() ? 0 : 1), mean(none, o -> o.answered() ? 0 : 1));
    }

    static double mean(List<Outcome> outcomes, ToDoubleFunction<Outcome> measure) {
        return outcomes.isEmpty() ? Double.NaN : outcomes.stream().mapToDouble(measure).average().orElse(0);
    }

    /** One table row: the measures in the order and widths of {@link #HEADER}. */
    String row(String label) {
        return String.format(Locale.ROOT, COLUMNS, label, answerable, unanswerable, cell(hitAt1), cell(hitAt3),
                cell(hitAt5) + " " + interval(hitAt5Interval), cell(hitAt10),
                cell(mrrAt10) + " " + interval(mrrAt10Interval), cell(reached), cell(quoted), cell(falseRefusals),
                cell(refused)).replaceAll(" +$", "");
    }

    private static final String COLUMNS = "%-14s %4s %4s  %5s %5s %-19s %6s %-19s  %5s %5s  %5s %5s";

    static final String HEADER = String.format(Locale.ROOT, COLUMNS, "", "ans", "none", "hit@1", "hit@3",
            "hit@5 [95% CI]", "hit@10", "MRR@10 [95% CI]", "reach", "quote", "f.ref", "refus");

    private static String cell(double value) {
        return Double.isNaN(value) ? "    -" : String.format(Locale.ROOT, "%5.3f", value);
    }

    private static String interval(Interval interval) {
        return interval == null ? "             " : String.format(Locale.ROOT, "[%.2f, %.2f]", interval.low(),
                interval.high());
    }
}

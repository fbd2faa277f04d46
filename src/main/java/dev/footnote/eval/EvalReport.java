package dev.footnote.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.footnote.chat.Citation;

/**
 * Retrieval and answer quality over an evaluation set: all questions, then per style and per kind.
 *
 * @param k                    passages retrieved per question for hit@k and MRR
 * @param misses               ids of answerable questions without a hit in the top {@code k}
 * @param answeredUnanswerable ids of {@code kind: none} questions that chat answered all the same
 * @param refusedAnswerable    ids of answerable questions that chat declined
 * @param namedAuthor          answered questions naming their essay's author whose first citation is from that author
 * @param sameOutcome          paraphrase groups whose wordings were all declined, or all answered citing the same
 *                             essay first
 * @param groupsAnswered       questions of paraphrase groups answered
 * @param repeatedSources      answers that put one stretch of a source file under two citations
 */
public record EvalReport(int k, Figures all, Map<String, Figures> byStyle, Map<String, Figures> byKind,
        double p50Millis, double answerP50Millis, List<String> misses, List<String> answeredUnanswerable,
        List<String> refusedAnswerable, Share namedAuthor, Share sameOutcome, Share groupsAnswered,
        Share repeatedSources, List<Outcome> outcomes) {

    static EvalReport of(int k, List<Outcome> outcomes, double p50Millis, double answerP50Millis) {
        List<Outcome> named = outcomes.stream().filter(o -> o.question().namesAuthor() && o.answered()).toList();
        Map<String, List<Outcome>> groups = outcomes.stream().filter(o -> o.question().group() != null)
                .collect(Collectors.groupingBy(o -> o.question().group(), TreeMap::new, Collectors.toList()));
        List<Outcome> grouped = groups.values().stream().flatMap(List::stream).toList();
        return new EvalReport(k, Figures.of(outcomes), groups(outcomes, q -> Objects.requireNonNullElse(q.style(), "-")),
                groups(outcomes, EvalQuestion::kind), p50Millis, answerP50Millis,
                ids(outcomes, o -> o.question().answerable() && !o.hitAt(k)),
                ids(outcomes, o -> !o.question().answerable() && o.answered()),
                ids(outcomes, o -> o.question().answerable() && !o.answered()),
                new Share((int) named.stream().filter(EvalReport::citesNamedAuthor).count(), named.size()),
                new Share((int) groups.values().stream().filter(EvalReport::sameOutcome).count(), groups.size()),
                new Share((int) grouped.stream().filter(Outcome::answered).count(), grouped.size()),
                new Share((int) outcomes.stream().filter(Outcome::repeated).count(),
                        (int) outcomes.stream().filter(Outcome::answered).count()),
                outcomes);
    }

    private static boolean citesNamedAuthor(Outcome outcome) {
        return outcome.cited().map(essay -> outcome.question().author().equalsIgnoreCase(
                Objects.requireNonNullElse(essay.author(), ""))).orElse(false);
    }

    /** Whether every wording was declined, or every one answered with the same essay cited first. */
    private static boolean sameOutcome(List<Outcome> wordings) {
        Outcome first = wordings.get(0);
        return wordings.stream().allMatch(o -> o.answered() == first.answered()
                && o.cited().map(Citation.CitedEssay::id).equals(first.cited().map(Citation.CitedEssay::id)));
    }

    public int answerable() {
        return all.answerable();
    }

    public int unanswerable() {
        return all.unanswerable();
    }

    public double hitAt5() {
        return all.hitAt5();
    }

    public double hitAt10() {
        return all.hitAt10();
    }

    public double mrrAt10() {
        return all.mrrAt10();
    }

    public double reached() {
        return all.reached();
    }

    public double quotedEvidence() {
        return all.quoted();
    }

    /** Share of {@code kind: none} questions refused. */
    public double refusalAccuracy() {
        return all.unanswerable() == 0 ? 1 : all.refused();
    }

    /** Share of answerable questions answered. */
    public double answeredAccuracy() {
        return 1 - all.falseRefusals();
    }

    public String text() {
        List<String> lines = new ArrayList<>();
        lines.add("questions: %d answerable, %d not answerable by the essays; retrieval k = %d".formatted(
                all.answerable(), all.unanswerable(), k));
        lines.add(Figures.HEADER);
        lines.add(all.row("all"));
        byStyle.forEach((style, figures) -> lines.add(figures.row("style " + style)));
        byKind.forEach((kind, figures) -> lines.add(figures.row("kind " + kind)));
        lines.add("reach: evidence among the passages the answerer received; quote: evidence in the answer's quotes;");
        lines.add("f.ref: answerable questions declined; refus: not answerable ones declined");
        lines.add("named author, first citation from that author: " + namedAuthor);
        lines.add("paraphrase groups with one outcome and first essay: " + sameOutcome + "; their questions answered: "
                + groupsAnswered);
        lines.add("answers citing one stretch of source twice: " + repeatedSources);
        lines.add("retrieval p50: %.1f ms, answer p50: %.1f ms".formatted(p50Millis, answerP50Millis));
        lines.add("misses: " + list(misses));
        lines.add("answered, not answerable: " + list(answeredUnanswerable));
        lines.add("declined, answerable: " + list(refusedAnswerable));
        return String.join("\n", lines);
    }

    private static Map<String, Figures> groups(List<Outcome> outcomes, Function<EvalQuestion, String> key) {
        Map<String, List<Outcome>> grouped = outcomes.stream().collect(Collectors.groupingBy(
                o -> key.apply(o.question()), TreeMap::new, Collectors.toList()));
        Map<String, Figures> figures = new LinkedHashMap<>();
        grouped.forEach((name, group) -> figures.put(name, Figures.of(group)));
        return figures;
    }

    private static List<String> ids(List<Outcome> outcomes, java.util.function.Predicate<Outcome> filter) {
        return outcomes.stream().filter(filter).map(o -> o.question().id()).toList();
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}

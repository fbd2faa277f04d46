package dev.footnote.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.footnote.evidence.Evidence;
import dev.footnote.evidence.SentenceCandidate;
import dev.footnote.search.PassageHit;

/**
 * The offline answerer: no model writes anything. It quotes the sentences most likely to state the answer,
 * as the evidence model scores them, each with its citation:
 * <ul>
 *   <li>one short contiguous excerpt around the best sentence: its neighbours in the passage join it while
 *   they score at least {@value #EXTEND} of the best, up to {@value #MAX_SENTENCES} sentences;</li>
 *   <li>and the best sentence of one other passage, when it scores at least {@value #SECOND} of the best and is
 *   not a sentence the first excerpt already quotes (consecutive passages share a sentence).</li>
 * </ul>
 * Whether to answer at all was decided before, by the evidence model.
 */
final class ExtractiveAnswerer implements Answerer {

    static final String PROVIDER = "extractive";
    static final String LEAD = "Quoted from the essays:";
    static final int MAX_SENTENCES = 3;
    static final double EXTEND = 0.5;
    static final double SECOND = 0.8;

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Optional<String> answer(String question, List<PassageHit> passages, Evidence evidence,
            TokenSink tokens) {
        List<List<SentenceCandidate>> excerpts = excerpts(evidence.candidates());
        if (excerpts.isEmpty()) {
            return Optional.empty();
        }
        Consumer<String> sink = tokens == null ? piece -> { } : tokens::accept;
        StringBuilder draft = new StringBuilder(LEAD);
        sink.accept(LEAD);
        for (List<SentenceCandidate> excerpt : excerpts) {
            for (SentenceCandidate sentence : excerpt) {
                String piece = "\n“" + sentence.text().strip() + "” [" + (sentence.passage() + 1) + "]";
                draft.append(piece);
                sink.accept(piece);
            }
        }
        return Optional.of(draft.toString());
    }

    /** The excerpts to quote, in passage order; each a run of consecutive sentences of one passage. */
    static List<List<SentenceCandidate>> excerpts(List<SentenceCandidate> byProbability) {
        if (byProbability.isEmpty()) {
            return List.of();
        }
        SentenceCandidate best = byProbability.get(0);
        List<List<SentenceCandidate>> excerpts = new ArrayList<>();
        List<SentenceCandidate> first = around(best, byProbability);
        excerpts.add(first);
        Set<String> quoted = first.stream().map(c -> c.text().strip()).collect(Collectors.toSet());
        byProbability.stream()
                .filter(c -> c.passage() != best.passage() && c.probability() >= SECOND * best.probability())
                .filter(c -> !quoted.contains(c.text().strip()))
                .findFirst()
                .ifPresent(second -> excerpts.add(List.of(second)));
        excerpts.sort(Comparator.comparingInt(e -> e.get(0).passage()));
        return excerpts;
    }

    private static List<SentenceCandidate> around(SentenceCandidate best, List<SentenceCandidate> all) {
        List<SentenceCandidate> passage = all.stream().filter(c -> c.passage() == best.passage())
                .sorted(Comparator.comparingInt(SentenceCandidate::ordinal)).toList();
        int at = passage.indexOf(best);
        int from = at;
        int to = at + 1;
        double floor = EXTEND * best.probability();
        while (to - from < MAX_SENTENCES) {
            double before = from > 0 ? passage.get(from - 1).probability() : -1;
            double after = to < passage.size() ? passage.get(to).probability() : -1;
            if (Math.max(before, after) < floor) {
                break;
            }
            if (before >= after) {
                from--;
            } else {
                to++;
            }
        }
        return passage.subList(from, to);
    }
}

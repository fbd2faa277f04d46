package dev.footnote.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.footnote.text.Span;

/**
 * Joins retrieved passages that share text. Passages are cut with an overlap, so two neighbours of one essay
 * are often retrieved together; given to an answerer as they are, one sentence would stand under two
 * citations. Each group of overlapping passages becomes one passage at the rank of its best: the span from
 * the first start to the last end of the group, whose text is that slice of the source file, so
 * {@code start}/{@code end} still slice {@code text} out of it exactly. Its scores are the group's best.
 */
public final class OverlapMerger {

    private OverlapMerger() {
    }

    /** The passages, best first, with every group of overlapping ones joined at the rank of its best. */
    public static List<PassageHit> merged(List<PassageHit> byRank) {
        List<Ranked> kept = new ArrayList<>();
        for (int rank = 0; rank < byRank.size(); rank++) {
            Ranked joined = new Ranked(rank, byRank.get(rank));
            for (int i = firstOverlapping(kept, joined.hit()); i >= 0; i = firstOverlapping(kept, joined.hit())) {
                Ranked other = kept.remove(i);
                joined = other.rank() < joined.rank()
                        ? new Ranked(other.rank(), join(other.hit(), joined.hit()))
                        : new Ranked(joined.rank(), join(joined.hit(), other.hit()));
            }
            kept.add(joined);
        }
        return kept.stream().sorted(Comparator.comparingInt(Ranked::rank)).map(Ranked::hit).toList();
    }

    private record Ranked(int rank, PassageHit hit) {
    }

    private static int firstOverlapping(List<Ranked> kept, PassageHit hit) {
        for (int i = 0; i < kept.size(); i++) {
            if (overlap(kept.get(i).hit(), hit)) {
                return i;
            }
        }
        return -1;
    }

    static boolean overlap(PassageHit a, PassageHit b) {
        return a.source().equals(b.source()) && a.start() < b.end() && b.start() < a.end();
    }

    /** One passage spanning both; {@code better} ranks first, so it keeps its id. */
    static PassageHit join(PassageHit better, PassageHit other) {
        int start = Math.min(better.start(), other.start());
        int end = Math.max(better.end(), other.end());
        StringBuilder text = new StringBuilder(end - start);
        PassageHit first = better.start() <= other.start() ? better : other;
        PassageHit second = first == better ? other : better;
        text.append(first.text());
        if (second.end() > first.end()) {
            text.append(second.text(), first.end() - second.start(), second.text().length());
        }
        return new PassageHit(better.passageId(), Math.max(better.score(), other.score()),
                Math.max(better.similarity(), other.similarity()), Math.max(better.keywords(), other.keywords()),
                text.toString(), better.source(), start, end, new Span(Math.min(first.sourceSpan().start(),
                        second.sourceSpan().start()), Math.max(first.sourceSpan().end(), second.sourceSpan().end())),
                better.essay());
    }
}

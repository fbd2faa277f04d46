package dev.footnote.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.footnote.search.PassageHit;
import dev.footnote.text.Span;

/** Judges which sentence, if any, of each cited passage supports the claim that cites it. */
public interface SupportJudge {

    /**
     * @param draft     the claims and the passages each cites
     * @param passages  the retrieved passages, numbered from 1 as the draft cites them
     * @param sentences the sentences of each cited passage, by rank
     */
    Support judge(Draft draft, List<PassageHit> passages, Map<Integer, List<Span>> sentences);

    /** A claim (by answer sentence) and a passage it cites (by rank). */
    record Cite(int claim, int rank) {
    }

    /** For each cited pair, the index of the passage sentence that supports the claim; a pair not in it is not supported. */
    record Support(Map<Cite, Integer> sentences) {

        public Support {
            sentences = Map.copyOf(sentences);
        }

        public Optional<Integer> of(int claim, int rank) {
            return Optional.ofNullable(sentences.get(new Cite(claim, rank)));
        }
    }
}

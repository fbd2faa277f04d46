package dev.footnote.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.search.PassageHit;
import dev.footnote.text.Sentences;
import dev.footnote.text.Span;

/**
 * The last stage: turns a drafted answer with {@code [n]} markers into the final answer and its citations, from
 * data only. The draft's markers are read ({@link Draft}), each claim is judged against the passages it cites
 * ({@link SupportJudge}), and the supported citations are numbered ({@link CitationNumbering}).
 *
 * <p>A marker pointing at no retrieved passage is removed, and a claim left with no marker is reported as
 * unsupported; so is a claim whose cited passage does not support it, and that marker is removed.
 */
@Singleton
class CitationChecker {

    private final SupportJudge judge;

    @Inject
    CitationChecker(SupportJudge judge) {
        this.judge = judge;
    }

    /**
     * The checked answer.
     *
     * @param unsupported draft sentences that no cited passage supports, in order
     */
    record Checked(String answer, List<Citation> citations, List<String> unsupported) {

        Checked {
            citations = List.copyOf(citations);
            unsupported = List.copyOf(unsupported);
        }
    }

    Checked check(String text, List<PassageHit> passages) {
        Draft draft = Draft.read(text, passages.size());
        Map<Integer, List<Span>> sentences = new TreeMap<>();
        draft.markers().forEach(m -> m.passages().forEach(n -> sentences.computeIfAbsent(n,
                k -> Sentences.of(passages.get(k - 1).text()))));
        SupportJudge.Support support = judge.judge(draft, passages, sentences);

        Set<String> unsupported = new LinkedHashSet<>();
        Set<Integer> citingSomething = new HashSet<>();
        draft.markers().stream().filter(m -> !m.passages().isEmpty()).forEach(m -> citingSomething.add(m.claim()));
        List<Draft.Marker> supported = new ArrayList<>();
        for (Draft.Marker marker : draft.markers()) {
            if (!citingSomething.contains(marker.claim())) {
                unsupported.add(draft.claim(marker.claim()));
            }
            List<Integer> kept = new ArrayList<>();
            for (int n : marker.passages()) {
                if (support.of(marker.claim(), n).isPresent()) {
                    kept.add(n);
                } else {
                    unsupported.add(draft.claim(marker.claim()));
                }
            }
            supported.add(marker.keeping(kept));
        }
        CitationNumbering.Numbered numbered = CitationNumbering.number(draft, supported, support, passages, sentences);
        return new Checked(numbered.answer(), numbered.citations(), List.copyOf(unsupported));
    }
}

package dev.footnote.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.footnote.search.PassageHit;
import dev.footnote.text.Span;

/**
 * Numbers the supported citations and rewrites the draft's markers to those numbers.
 * <ul>
 *   <li><b>Quotes:</b> each claim is supported by one sentence of the passage it cites. Supporting sentences
 *   of one passage at most {@value #MAX_QUOTE_GAP} sentence apart share a citation whose {@code quote}
 *   spans them; sentences further apart get citations of their own. So the sentence a claim stands on is
 *   always inside the quote of the citation it carries.</li>
 *   <li><b>Numbers</b> run 1..m in order of first use in the answer; {@code rank} keeps the passage's
 *   retrieval rank. Every remaining {@code [n]} has exactly one citation, and every citation is used. A marker
 *   group left with no supported passage is removed, and takes its space along.</li>
 * </ul>
 */
final class CitationNumbering {

    /** Supporting sentences of a passage share one quote when at most this many sentences lie between them. */
    static final int MAX_QUOTE_GAP = 1;

    /** The answer with its markers renumbered, and its citations by number. */
    record Numbered(String answer, List<Citation> citations) {

        Numbered {
            citations = List.copyOf(citations);
        }
    }

    /** A run of supporting sentences of one retrieved passage ({@code rank} counts from 1): one citation. */
    private record Quote(int rank, int first, int last) {

        boolean holds(int sentence) {
            return first <= sentence && sentence <= last;
        }
    }

    private CitationNumbering() {
    }

    /**
     * @param supported the draft's markers, each keeping only the passages that support its claim
     * @param support   which sentence of each passage supports each claim
     * @param sentences the sentences of each cited passage, by rank
     */
    static Numbered number(Draft draft, List<Draft.Marker> supported, SupportJudge.Support support,
            List<PassageHit> passages, Map<Integer, List<Span>> sentences) {
        Map<Integer, Set<Integer>> supporting = new TreeMap<>();
        for (Draft.Marker marker : supported) {
            for (int rank : marker.passages()) {
                supporting.computeIfAbsent(rank, k -> new TreeSet<>()).add(sentenceOf(support, marker, rank));
            }
        }
        Map<Integer, List<Quote>> quotes = quotes(supporting);
        Map<Quote, Integer> numbers = new LinkedHashMap<>();
        List<List<Integer>> markerNumbers = new ArrayList<>();
        for (Draft.Marker marker : supported) {
            List<Integer> own = new ArrayList<>();
            for (int rank : marker.passages()) {
                int sentence = sentenceOf(support, marker, rank);
                Quote quote = quotes.get(rank).stream().filter(q -> q.holds(sentence)).findFirst().orElseThrow();
                int number = numbers.computeIfAbsent(quote, q -> numbers.size() + 1);
                if (!own.contains(number)) {
                    own.add(number);
                }
            }
            markerNumbers.add(own);
        }
        List<Citation> citations = new ArrayList<>();
        numbers.forEach((quote, number) -> {
            PassageHit passage = passages.get(quote.rank() - 1);
            List<Span> spans = sentences.get(quote.rank());
            String text = new Span(spans.get(quote.first()).start(), spans.get(quote.last()).end()).of(passage.text());
            citations.add(Citation.of(number, quote.rank(), text, passage));
        });
        return new Numbered(rewrite(draft.text(), supported, markerNumbers), citations);
    }

    private static int sentenceOf(SupportJudge.Support support, Draft.Marker marker, int rank) {
        return support.of(marker.claim(), rank).orElseThrow();
    }

    /** The runs of supporting sentences per passage: sentences at most {@link #MAX_QUOTE_GAP} apart join. */
    private static Map<Integer, List<Quote>> quotes(Map<Integer, Set<Integer>> supporting) {
        Map<Integer, List<Quote>> quotes = new TreeMap<>();
        supporting.forEach((rank, sentences) -> {
            List<Quote> runs = new ArrayList<>();
            for (int sentence : sentences) {
                Quote last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (last != null && sentence - last.last() <= MAX_QUOTE_GAP + 1) {
                    runs.set(runs.size() - 1, new Quote(rank, last.first(), sentence));
                } else {
                    runs.add(new Quote(rank, sentence, sentence));
                }
            }
            quotes.put(rank, runs);
        });
        return quotes;
    }

    /** The draft with each marker group replaced by its numbers; a group left empty takes its space along. */
    private static String rewrite(String draft, List<Draft.Marker> markers, List<List<Integer>> numbers) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < markers.size(); i++) {
            Draft.Marker marker = markers.get(i);
            out.append(draft, at, marker.start());
            if (numbers.get(i).isEmpty()) {
                while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
                    out.setLength(out.length() - 1);
                }
                boolean wordFollows = marker.end() < draft.length() && Character.isLetterOrDigit(draft.charAt(marker.end()));
                if (wordFollows && !out.isEmpty()) {
                    out.append(' ');
                }
            }
            numbers.get(i).forEach(n -> out.append('[').append(n).append(']'));
            at = marker.end();
        }
        out.append(draft.substring(at));
        return out.toString().strip();
    }
}

package dev.footnote.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footnote.text.Sentences;
import dev.footnote.text.Span;

/**
 * A drafted answer read for its citation markers. In a draft, {@code [n]} refers to the n-th retrieved passage;
 * {@code [1, 2]} is read as {@code [1][2]}.
 *
 * @param text    the draft as the answerer wrote it
 * @param claims  the text of each answer sentence that carries a marker, without its markers, by sentence index,
 *                in order of their first marker
 * @param markers the marker groups, in the order they appear
 */
public record Draft(String text, Map<Integer, String> claims, List<Marker> markers) {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+(?:\\s*,\\s*\\d+)*)\\]");
    private static final Pattern MARKER_THEN_SENTENCE = Pattern.compile(
            "((?:\\[\\d+(?:\\s*,\\s*\\d+)*\\])+)\\s+([\\p{Lu}“\"])");

    /**
     * A group of adjacent markers ({@code [1][3]} or {@code [1, 3]}) at {@code start..end} of the draft.
     *
     * @param claim    the answer sentence it cites for
     * @param passages the retrieved passages it names, by rank, each once; a number naming no passage is left out
     */
    public record Marker(int start, int end, int claim, List<Integer> passages) {

        Marker keeping(List<Integer> supported) {
            return new Marker(start, end, claim, List.copyOf(supported));
        }
    }

    public Draft {
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        markers = List.copyOf(markers);
    }

    /** Reads {@code draft}, which may cite passages 1..{@code passageCount}. */
    static Draft read(String draft, int passageCount) {
        List<Span> sentences = answerSentences(draft);
        List<Marker> markers = new ArrayList<>();
        Matcher m = MARKER.matcher(draft);
        while (m.find()) {
            List<Integer> passages = new ArrayList<>();
            for (String number : m.group(1).split("\\s*,\\s*")) {
                int n = number.length() > 4 ? 0 : Integer.parseInt(number);
                if (n >= 1 && n <= passageCount && !passages.contains(n)) {
                    passages.add(n);
                }
            }
            markers.add(new Marker(m.start(), m.end(), sentenceOf(m.start(), draft, sentences), List.copyOf(passages)));
        }
        Map<Integer, String> claims = new LinkedHashMap<>();
        for (Marker marker : markers) {
            claims.computeIfAbsent(marker.claim(), i -> claimText(draft, sentences.get(i)));
        }
        return new Draft(draft, claims, markers);
    }

    /** Whether {@code text} cites anything: an answer without a marker cited nothing. */
    static boolean hasMarker(String text) {
        return MARKER.matcher(text).find();
    }

    public String claim(int sentence) {
        return claims.get(sentence);
    }

    /**
     * Sentences of the answer. A marker followed by a new capitalised sentence ends one even where the
     * sentence rules would not split ("… cheating”. [1] Bananas …").
     */
    static List<Span> answerSentences(String draft) {
        List<Span> sentences = new ArrayList<>();
        for (Span sentence : Sentences.of(draft)) {
            int start = sentence.start();
            Matcher m = MARKER_THEN_SENTENCE.matcher(draft).region(sentence.start(), sentence.end());
            while (m.find()) {
                sentences.add(new Span(start, m.end(1)));
                start = m.start(2);
            }
            sentences.add(new Span(start, sentence.end()));
        }
        return sentences;
    }

    /** The sentence a marker cites for: a marker opening a sentence ("… chess. [1] Next") closes the previous. */
    private static int sentenceOf(int offset, String draft, List<Span> sentences) {
        for (int i = 0; i < sentences.size(); i++) {
            Span s = sentences.get(i);
            if (offset >= s.start() && offset < s.end()) {
                boolean opensSentence = draft.substring(s.start(), offset).isBlank()
                        || MARKER.matcher(draft.substring(s.start(), offset)).replaceAll("").isBlank();
                return opensSentence && i > 0 ? i - 1 : i;
            }
        }
        return Math.max(0, sentences.size() - 1);
    }

    private static String claimText(String draft, Span sentence) {
        return MARKER.matcher(sentence.of(draft)).replaceAll("").replaceAll("\\s+", " ")
                .replaceAll(" ([.,;:!?])", "$1").strip();
    }
}

package dev.footnote.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footnote.corpus.Sentences;
import dev.footnote.corpus.Span;
import dev.footnote.embedding.Embedder;
import dev.footnote.embedding.Vectors;
import dev.footnote.search.PassageHit;

/**
 * Turns a drafted answer with {@code [n]} markers into the final answer and its citations, from data only.
 *
 * <ul>
 *   <li>{@code [n]} refers to the n-th retrieved passage. A marker pointing at no retrieved passage is
 *   removed; {@code [1, 2]} is read as {@code [1][2]}.</li>
 *   <li><b>Support rule:</b> an answer sentence is supported by a cited passage when the cosine similarity
 *   (all-MiniLM-L6-v2) between the sentence, without its markers, and the passage's closest sentence is at
 *   least {@value #MIN_SUPPORT}. An unsupported marker is removed and the sentence is reported as
 *   unsupported.</li>
 *   <li>A citation's {@code quote} is the passage sentence closest to the claims that cite it, widened to
 *   the sentences closest to its other claims when at most {@value #MAX_QUOTE_GAP} sentence lies between
 *   them, so it is always one substring of the passage.</li>
 *   <li>Only referenced passages become citations; every remaining {@code [n]} has exactly one.</li>
 * </ul>
 */
final class CitationBuilder {

    /** Below this similarity a passage does not support a claim; related text scores above 0.4. */
    static final double MIN_SUPPORT = 0.3;
    /** Sentences of a passage cited for several claims share one quote when at most this many lie between them. */
    static final int MAX_QUOTE_GAP = 1;
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+(?:\\s*,\\s*\\d+)*)\\]");
    private static final Pattern MARKER_THEN_SENTENCE = Pattern.compile(
            "((?:\\[\\d+(?:\\s*,\\s*\\d+)*\\])+)\\s+([\\p{Lu}“\"])");

    private final Embedder embedder;

    CitationBuilder(Embedder embedder) {
        this.embedder = embedder;
    }

    record Result(String answer, List<Citation> citations, List<String> unsupported) {
    }

    Result build(String draft, List<PassageHit> passages) {
        List<Span> sentences = answerSentences(draft);
        List<Marker> markers = markers(draft, sentences, passages.size());
        Map<Integer, String> claims = new LinkedHashMap<>();
        for (Marker marker : markers) {
            claims.computeIfAbsent(marker.sentence, i -> claimText(draft, sentences.get(i)));
        }
        Map<Integer, List<Span>> passageSentences = new TreeMap<>();
        markers.forEach(m -> m.passages.forEach(n -> passageSentences.computeIfAbsent(n,
                k -> Sentences.of(passages.get(k - 1).text()))));
        Similarities similarities = new Similarities(claims, passageSentences, passages);

        Map<Integer, List<Scored>> support = new TreeMap<>();
        Set<String> unsupported = new LinkedHashSet<>();
        for (Marker marker : markers) {
            for (int n : List.copyOf(marker.passages)) {
                Scored best = similarities.best(marker.sentence, n);
                if (best == null || best.score < MIN_SUPPORT) {
                    marker.passages.remove((Integer) n);
                    unsupported.add(claims.get(marker.sentence));
                } else {
                    support.computeIfAbsent(n, k -> new ArrayList<>()).add(best);
                }
            }
        }
        List<Citation> citations = new ArrayList<>();
        support.forEach((n, scored) -> citations.add(Citation.of(n, quote(passages.get(n - 1).text(),
                passageSentences.get(n), scored), passages.get(n - 1))));
        return new Result(rewrite(draft, markers), citations, List.copyOf(unsupported));
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

    /** A group of markers in the draft, the sentence it belongs to, and the passages it names. */
    private static final class Marker {
        final int start;
        final int end;
        final int sentence;
        final List<Integer> passages = new ArrayList<>();

        Marker(int start, int end, int sentence) {
            this.start = start;
            this.end = end;
            this.sentence = sentence;
        }
    }

    private record Scored(int sentenceIndex, double score) {
    }

    private static List<Marker> markers(String draft, List<Span> sentences, int passageCount) {
        List<Marker> markers = new ArrayList<>();
        Matcher m = MARKER.matcher(draft);
        while (m.find()) {
            Marker marker = new Marker(m.start(), m.end(), sentenceOf(m.start(), draft, sentences));
            for (String number : m.group(1).split("\\s*,\\s*")) {
                int n = number.length() > 4 ? 0 : Integer.parseInt(number);
                if (n >= 1 && n <= passageCount && !marker.passages.contains(n)) {
                    marker.passages.add(n);
                }
            }
            markers.add(marker);
        }
        return markers;
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

    private static String quote(String passage, List<Span> sentences, List<Scored> scored) {
        Scored best = scored.stream().max((a, b) -> Double.compare(a.score, b.score)).orElseThrow();
        int first = best.sentenceIndex;
        int last = best.sentenceIndex;
        boolean grown = true;
        while (grown) {
            grown = false;
            for (Scored other : scored) {
                int i = other.sentenceIndex;
                if ((i < first && first - i <= MAX_QUOTE_GAP + 1) || (i > last && i - last <= MAX_QUOTE_GAP + 1)) {
                    first = Math.min(first, i);
                    last = Math.max(last, i);
                    grown = true;
                }
            }
        }
        return new Span(sentences.get(first).start(), sentences.get(last).end()).of(passage);
    }

    /** The draft with each marker group replaced by its remaining markers; a group left empty takes its space along. */
    private static String rewrite(String draft, List<Marker> markers) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Marker marker : markers) {
            out.append(draft, at, marker.start);
            if (marker.passages.isEmpty()) {
                while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
                    out.setLength(out.length() - 1);
                }
                boolean wordFollows = marker.end < draft.length() && Character.isLetterOrDigit(draft.charAt(marker.end));
                if (wordFollows && !out.isEmpty()) {
                    out.append(' ');
                }
            }
            marker.passages.forEach(n -> out.append('[').append(n).append(']'));
            at = marker.end;
        }
        out.append(draft.substring(at));
        return out.toString().strip();
    }

    /** Cosine similarities between claims and the sentences of the passages they cite, embedded in one batch. */
    private final class Similarities {
        private final Map<Integer, float[]> claimVectors = new LinkedHashMap<>();
        private final Map<Integer, List<float[]>> sentenceVectors = new LinkedHashMap<>();

        Similarities(Map<Integer, String> claims, Map<Integer, List<Span>> passageSentences, List<PassageHit> passages) {
            List<String> texts = new ArrayList<>(claims.values());
            passageSentences.forEach((n, spans) -> spans.forEach(s -> texts.add(s.of(passages.get(n - 1).text()))));
            if (texts.isEmpty()) {
                return;
            }
            List<float[]> vectors = embedder.embedPassages(texts);
            int i = 0;
            for (Integer sentence : claims.keySet()) {
                claimVectors.put(sentence, vectors.get(i++));
            }
            for (Map.Entry<Integer, List<Span>> entry : passageSentences.entrySet()) {
                List<float[]> list = new ArrayList<>();
                for (int s = 0; s < entry.getValue().size(); s++) {
                    list.add(vectors.get(i++));
                }
                sentenceVectors.put(entry.getKey(), list);
            }
        }

        Scored best(int claim, int passage) {
            float[] claimVector = claimVectors.get(claim);
            List<float[]> candidates = sentenceVectors.get(passage);
            Scored best = null;
            for (int s = 0; claimVector != null && s < candidates.size(); s++) {
                double score = Vectors.cosine(claimVector, candidates.get(s));
                if (best == null || score > best.score) {
                    best = new Scored(s, score);
                }
            }
            return best;
        }
    }
}

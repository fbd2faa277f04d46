package dev.footnote.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.EncoderModel;
import dev.footnote.embedding.Vectors;
import dev.footnote.search.PassageHit;
import dev.footnote.text.Sentences;
import dev.footnote.text.Span;

/**
 * Turns a drafted answer with {@code [n]} markers into the final answer and its citations, from data only.
 *
 * <ul>
 *   <li>In the draft, {@code [n]} refers to the n-th retrieved passage. A marker pointing at no retrieved
 *   passage is removed, and a claim left with no marker is reported as unsupported; {@code [1, 2]} is read
 *   as {@code [1][2]}.</li>
 *   <li><b>Support rule:</b> an answer sentence is supported by a cited passage when the passage holds it
 *   word for word (as the extractive answerer quotes), or when the cosine similarity (all-MiniLM-L6-v2)
 *   between the sentence, without its markers, and the passage's closest sentence is at least
 *   {@value #MIN_SUPPORT}, or the same place in another embedding model's range. An unsupported marker is
 *   removed and the sentence is reported as unsupported.</li>
 *   <li><b>Quotes:</b> each claim is supported by one sentence of the passage it cites. Supporting sentences
 *   of one passage at most {@value #MAX_QUOTE_GAP} sentence apart share a citation whose {@code quote}
 *   spans them; sentences further apart get citations of their own. So the sentence a claim stands on is
 *   always inside the quote of the citation it carries.</li>
 *   <li><b>Numbers</b> run 1..m in order of first use in the answer; {@code rank} keeps the passage's
 *   retrieval rank. Every remaining {@code [n]} has exactly one citation, and every citation is used.</li>
 * </ul>
 */
final class CitationBuilder {

    /**
     * Below this similarity (all-MiniLM-L6-v2) a passage does not support a claim; related text scores above
     * 0.4. It lies a third of the way from unrelated to close text, which is where it lies for other models.
     */
    static final double MIN_SUPPORT = 0.3;
    private static final EncoderModel.CosineRange MINILM = EncoderModel.ALL_MINILM_L6_V2.cosines();
    private static final double SUPPORT_POSITION =
            (MIN_SUPPORT - MINILM.unrelated()) / (MINILM.close() - MINILM.unrelated());
    /** Supporting sentences of a passage share one quote when at most this many sentences lie between them. */
    static final int MAX_QUOTE_GAP = 1;
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+(?:\\s*,\\s*\\d+)*)\\]");
    private static final Pattern MARKER_THEN_SENTENCE = Pattern.compile(
            "((?:\\[\\d+(?:\\s*,\\s*\\d+)*\\])+)\\s+([\\p{Lu}“\"])");
    private static final Pattern QUOTE_MARKS = Pattern.compile("^[\\s“”\"‘’']+|[\\s“”\"‘’']+$");

    /** Words a claim needs before a passage sentence that merely contains it supports it word for word. */
    static final int MIN_VERBATIM_WORDS = 4;

    private final Embeddings embeddings;
    private final double minSupport;

    /** With all-MiniLM-L6-v2's threshold. */
    CitationBuilder(Embeddings embeddings) {
        this(embeddings, MINILM);
    }

    /** With the threshold placed on {@code cosines}, the range of the embedding model in use. */
    CitationBuilder(Embeddings embeddings, EncoderModel.CosineRange cosines) {
        this.embeddings = embeddings;
        this.minSupport = cosines.unrelated() + SUPPORT_POSITION * (cosines.close() - cosines.unrelated());
    }

    record Result(String answer, List<Citation> citations, List<String> unsupported) {
    }

    /** A run of supporting sentences of one retrieved passage ({@code rank} counts from 1): one citation. */
    private record Quote(int rank, int first, int last) {
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
        // word for word first; only claims that are not get embedded, with the passages they cite
        Map<Integer, String> paraphrased = new LinkedHashMap<>();
        Map<Integer, List<Span>> paraphrasedFrom = new TreeMap<>();
        for (Marker marker : markers) {
            for (int n : marker.passages) {
                int sentence = verbatim(claims.get(marker.sentence), passages.get(n - 1).text(),
                        passageSentences.get(n));
                if (sentence >= 0) {
                    marker.support.put(n, sentence);
                } else {
                    paraphrased.put(marker.sentence, claims.get(marker.sentence));
                    paraphrasedFrom.put(n, passageSentences.get(n));
                }
            }
        }
        Similarities similarities = new Similarities(paraphrased, paraphrasedFrom, passages);

        Set<String> unsupported = new LinkedHashSet<>();
        Map<Integer, Set<Integer>> supporting = new TreeMap<>();
        Set<Integer> citingSomething = new HashSet<>();
        markers.stream().filter(m -> !m.passages.isEmpty()).forEach(m -> citingSomething.add(m.sentence));
        for (Marker marker : markers) {
            if (!citingSomething.contains(marker.sentence)) {
                unsupported.add(claims.get(marker.sentence));
            }
            for (int n : List.copyOf(marker.passages)) {
                Integer sentence = marker.support.get(n);
                if (sentence == null) {
                    Scored best = similarities.best(marker.sentence, n);
                    sentence = best == null || best.score < minSupport ? null : best.sentenceIndex;
                }
                if (sentence == null) {
                    marker.passages.remove((Integer) n);
                    unsupported.add(claims.get(marker.sentence));
                } else {
                    marker.support.put(n, sentence);
                    supporting.computeIfAbsent(n, k -> new TreeSet<>()).add(sentence);
                }
            }
        }
        Map<Quote, Integer> numbers = number(markers, quotes(supporting));
        List<Citation> citations = new ArrayList<>();
        numbers.forEach((quote, number) -> {
            PassageHit passage = passages.get(quote.rank() - 1);
            List<Span> spans = passageSentences.get(quote.rank());
            String text = new Span(spans.get(quote.first()).start(), spans.get(quote.last()).end()).of(passage.text());
            citations.add(Citation.of(number, quote.rank(), text, passage));
        });
        return new Result(rewrite(draft, markers), citations, List.copyOf(unsupported));
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

    /** Numbers the quotes 1..m in order of first use, and points each marker at its claims' quotes. */
    private static Map<Quote, Integer> number(List<Marker> markers, Map<Integer, List<Quote>> quotes) {
        Map<Quote, Integer> numbers = new LinkedHashMap<>();
        for (Marker marker : markers) {
            for (int rank : marker.passages) {
                int sentence = marker.support.get(rank);
                Quote quote = quotes.get(rank).stream()
                        .filter(q -> q.first() <= sentence && sentence <= q.last()).findFirst().orElseThrow();
                int number = numbers.computeIfAbsent(quote, q -> numbers.size() + 1);
                if (!marker.numbers.contains(number)) {
                    marker.numbers.add(number);
                }
            }
        }
        return numbers;
    }

    /** The passage sentence a claim quotes word for word, or -1: an extractive claim is its own evidence. */
    private static int verbatim(String claim, String passage, List<Span> sentences) {
        String bare = QUOTE_MARKS.matcher(claim).replaceAll("");
        if (bare.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i).of(passage).strip();
            // a part of a sentence counts only when it says something on its own ("Yes." does not)
            if (sentence.equals(bare) || bare.split("\\s+").length >= MIN_VERBATIM_WORDS && sentence.contains(bare)) {
                return i;
            }
        }
        return -1;
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

    /**
     * A group of markers in the draft: the sentence it belongs to, the retrieved passages it names (by rank),
     * the sentence of each that supports the claim, and the citation numbers it ends up with.
     */
    private static final class Marker {
        final int start;
        final int end;
        final int sentence;
        final List<Integer> passages = new ArrayList<>();
        final Map<Integer, Integer> support = new HashMap<>();
        final List<Integer> numbers = new ArrayList<>();

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

    /** The draft with each marker group replaced by its remaining markers; a group left empty takes its space along. */
    private static String rewrite(String draft, List<Marker> markers) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Marker marker : markers) {
            out.append(draft, at, marker.start);
            if (marker.numbers.isEmpty()) {
                while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
                    out.setLength(out.length() - 1);
                }
                boolean wordFollows = marker.end < draft.length() && Character.isLetterOrDigit(draft.charAt(marker.end));
                if (wordFollows && !out.isEmpty()) {
                    out.append(' ');
                }
            }
            marker.numbers.forEach(n -> out.append('[').append(n).append(']'));
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
            List<float[]> vectors = embeddings.embedPassages(texts);
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

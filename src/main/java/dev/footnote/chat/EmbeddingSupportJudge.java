package dev.footnote.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.EncoderModel;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.embedding.Vectors;
import dev.footnote.search.PassageHit;
import dev.footnote.text.Span;
import io.quarkus.arc.DefaultBean;

/**
 * <b>Support rule:</b> a claim is supported by a cited passage when the passage holds it word for word (as the
 * extractive answerer quotes), or when the cosine similarity (all-MiniLM-L6-v2) between the claim and the
 * passage's closest sentence is at least {@value #MIN_SUPPORT}, or the same place in another embedding model's
 * range. Only the claims not found word for word are embedded, with the passages they cite, in one batch.
 */
@Singleton
@DefaultBean
class EmbeddingSupportJudge implements SupportJudge {

    /**
     * Below this similarity (all-MiniLM-L6-v2) a passage does not support a claim; related text scores above
     * 0.4. It lies a third of the way from unrelated to close text, which is where it lies for other models.
     */
    static final double MIN_SUPPORT = 0.3;
    private static final EncoderModel.CosineRange MINILM = EncoderModel.ALL_MINILM_L6_V2.cosines();
    private static final double SUPPORT_POSITION =
            (MIN_SUPPORT - MINILM.unrelated()) / (MINILM.close() - MINILM.unrelated());
    /** Words a claim needs before a passage sentence that merely contains it supports it word for word. */
    static final int MIN_VERBATIM_WORDS = 4;
    private static final Pattern QUOTE_MARKS = Pattern.compile("^[\\s“”\"‘’']+|[\\s“”\"‘’']+$");

    private final Embeddings embeddings;
    private final double minSupport;

    /** Shares the search's embedding cache: each text is embedded once. */
    @Inject
    EmbeddingSupportJudge(Embeddings embeddings, OnnxEncoder encoder) {
        this(embeddings, encoder.model().cosines());
    }

    /** With the threshold placed on {@code cosines}, the range of the embedding model in use. */
    EmbeddingSupportJudge(Embeddings embeddings, EncoderModel.CosineRange cosines) {
        this.embeddings = embeddings;
        this.minSupport = cosines.unrelated() + SUPPORT_POSITION * (cosines.close() - cosines.unrelated());
    }

    /** With all-MiniLM-L6-v2's threshold. */
    EmbeddingSupportJudge(Embeddings embeddings) {
        this(embeddings, MINILM);
    }

    @Override
    public Support judge(Draft draft, List<PassageHit> passages, Map<Integer, List<Span>> sentences) {
        Map<Cite, Integer> supported = new HashMap<>();
        Map<Integer, String> paraphrased = new LinkedHashMap<>();
        Map<Integer, List<Span>> paraphrasedFrom = new TreeMap<>();
        for (Draft.Marker marker : draft.markers()) {
            for (int n : marker.passages()) {
                String claim = draft.claim(marker.claim());
                int sentence = verbatim(claim, passages.get(n - 1).text(), sentences.get(n));
                if (sentence >= 0) {
                    supported.put(new Cite(marker.claim(), n), sentence);
                } else {
                    paraphrased.put(marker.claim(), claim);
                    paraphrasedFrom.put(n, sentences.get(n));
                }
            }
        }
        Similarities similarities = new Similarities(paraphrased, paraphrasedFrom, passages);
        for (Draft.Marker marker : draft.markers()) {
            for (int n : marker.passages()) {
                Cite cite = new Cite(marker.claim(), n);
                if (!supported.containsKey(cite)) {
                    Scored best = similarities.best(marker.claim(), n);
                    if (best != null && best.score() >= minSupport) {
                        supported.put(cite, best.sentence());
                    }
                }
            }
        }
        return new Support(supported);
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

    private record Scored(int sentence, double score) {
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

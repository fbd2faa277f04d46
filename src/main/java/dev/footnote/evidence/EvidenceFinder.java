package dev.footnote.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.Vectors;
import dev.footnote.search.PassageHit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Reads the retrieved passages sentence by sentence for the answer to a question: every sentence gets the
 * probability that it states the answer, and the question the probability that any does. Every answerer
 * goes through it: a question whose passages discuss the subject without stating what is asked is declined
 * here, before any model is called.
 */
public final class EvidenceFinder implements EvidenceReader {

    private final Embeddings embeddings;
    private final EvidenceModel model;
    private final Timer reading;

    public EvidenceFinder(Embeddings embeddings, EvidenceModel model) {
        this(embeddings, model, new SimpleMeterRegistry());
    }

    /** Times each reading of the passages as {@code footnote.evidence.read}, tagged with the reader's name. */
    public EvidenceFinder(Embeddings embeddings, EvidenceModel model, MeterRegistry registry) {
        this.embeddings = embeddings;
        this.model = model;
        this.reading = Timer.builder("footnote.evidence.read")
                .description("Time to read the retrieved passages' sentences for the evidence model")
                .tag("reader", model.reader()).publishPercentileHistogram().register(registry);
    }

    @Override
    public Evidence find(String question, List<PassageHit> passages) {
        List<SentenceCandidate> candidates = reading.record(() -> candidates(question, passages));
        if (candidates.isEmpty()) {
            return Evidence.NONE;
        }
        List<SentenceCandidate> scored = new ArrayList<>(candidates.size());
        for (SentenceCandidate c : candidates) {
            scored.add(c.scored(model.sentence().probability(c.features())));
        }
        scored.sort(Comparator.comparingDouble(SentenceCandidate::probability).reversed());
        double answerable = model.answerable().probability(
                EvidenceFeatures.question(question, passages, scored, model.sentence()));
        return new Evidence(List.copyOf(scored), answerable, answerable < model.refusalThreshold());
    }

    /** The passages' sentences with their features, unscored, in passage order. */
    public List<SentenceCandidate> candidates(String question, List<PassageHit> passages) {
        List<EvidenceFeatures.Sentence> sentences = EvidenceFeatures.quotable(passages);
        if (sentences.isEmpty()) {
            return List.of();
        }
        float[] questionVector = embeddings.embedQuery(question);
        List<float[]> vectors = embeddings.embedPassages(
                sentences.stream().map(EvidenceFeatures.Sentence::text).toList());
        double[] similarities = new double[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            similarities[i] = Vectors.cosine(questionVector, vectors.get(i));
        }
        List<double[]> features = EvidenceFeatures.sentences(question, passages, sentences, similarities);
        List<SentenceCandidate> candidates = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            EvidenceFeatures.Sentence s = sentences.get(i);
            candidates.add(new SentenceCandidate(s.passage(), s.ordinal(), s.span(), s.text(), features.get(i), 0));
        }
        return candidates;
    }

    public EvidenceModel model() {
        return model;
    }
}

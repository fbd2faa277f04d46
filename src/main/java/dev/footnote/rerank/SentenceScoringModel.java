package dev.footnote.rerank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.Vectors;
import dev.footnote.text.Sentences;
import dev.footnote.text.Span;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.scoring.ScoringModel;

/**
 * Re-ranks passages with Footnote's reader: a passage's score is the relevance the search gave it (the
 * segment's {@link ScoringModels#FUSED_SCORE}, 0 when absent) plus its best sentence's cosine similarity with the
 * question in the reader's space. A passage that states the answer in one sentence moves up past one that
 * shares the question's subject throughout, which a whole-passage embedding blurs.
 *
 * <p>Adding the two, rather than the sentence alone, was chosen on the tune questions: the sentence alone
 * loses passages the search ranked right, the sum keeps them (figures in {@code docs/quality.md}). The reader's
 * sentence vectors are cached, so the evidence finder then reads the same sentences for free.
 */
public final class SentenceScoringModel implements ScoringModel {

    private final Embeddings reader;

    public SentenceScoringModel(Embeddings reader) {
        this.reader = reader;
    }

    @Override
    public Response<List<Double>> scoreAll(List<TextSegment> segments, String query) {
        List<String> sentences = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            String text = segments.get(s).text();
            for (Span span : Sentences.quotable(text)) {
                sentences.add(span.of(text));
                owners.add(s);
            }
        }
        double[] best = new double[segments.size()];
        Arrays.fill(best, -1);
        if (!sentences.isEmpty()) {
            float[] question = reader.embedQuery(query);
            List<float[]> vectors = reader.embedPassages(sentences);
            for (int i = 0; i < vectors.size(); i++) {
                int s = owners.get(i);
                best[s] = Math.max(best[s], Vectors.cosine(question, vectors.get(i)));
            }
        }
        List<Double> scores = new ArrayList<>(best.length);
        for (int s = 0; s < best.length; s++) {
            Double fused = segments.get(s).metadata().getDouble(ScoringModels.FUSED_SCORE);
            scores.add((fused == null ? 0 : fused) + best[s]);
        }
        return Response.from(scores);
    }
}

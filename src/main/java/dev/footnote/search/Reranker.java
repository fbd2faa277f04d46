package dev.footnote.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.footnote.rerank.RerankException;
import dev.footnote.rerank.ScoringModels;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.scoring.ScoringModel;

/**
 * The optional re-ranking stage: a model scores each of the best fused candidates against the question, and
 * they are ordered by its score. A cross-encoder sees question and passage at once, so it can tell a passage
 * that states the answer from one that merely shares its words, which two separate embeddings cannot;
 * Footnote's reader ({@code provider=reader}) does the same sentence by sentence.
 *
 * <p>Only the order changes. A passage's {@code score} stays the fused relevance, comparable across
 * questions, so the relevance threshold means the same with or without re-ranking.
 */
public final class Reranker implements AutoCloseable {

    private final Optional<ScoringModel> model;
    private final int candidates;

    public Reranker(Optional<ScoringModel> model, int candidates) {
        if (model.isPresent() && candidates < 2) {
            throw new IllegalArgumentException("footnote.rerank.candidates must be at least 2, not " + candidates);
        }
        this.model = model;
        this.candidates = candidates;
    }

    public static Reranker none() {
        return new Reranker(Optional.empty(), 0);
    }

    /** Releases an in-process model's native session. */
    @Override
    public void close() {
        if (model.orElse(null) instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the re-ranking model", e);
            }
        }
    }

    /** Whether a model re-orders the candidates: it reads their texts, so every candidate's is fetched. */
    boolean isEnabled() {
        return model.isPresent();
    }

    /** {@code ordered} with its first {@code candidates} passages in the model's order; the rest follow. */
    List<PassageHit> rerank(String question, List<PassageHit> ordered) {
        if (model.isEmpty() || ordered.size() < 2) {
            return ordered;
        }
        List<PassageHit> head = ordered.subList(0, Math.min(candidates, ordered.size()));
        List<TextSegment> segments = head.stream()
                .map(hit -> TextSegment.from(hit.essay().title() + "\n" + hit.text(),
                        new Metadata().put(ScoringModels.FUSED_SCORE, hit.score()))).toList();
        List<Double> scores;
        try {
            scores = model.get().scoreAll(segments, question).content();
        } catch (RerankException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RerankException("the re-ranking model failed", false, e);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < head.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores.get(i)).reversed());
        List<PassageHit> reranked = new ArrayList<>(ordered.size());
        order.forEach(i -> reranked.add(head.get(i)));
        reranked.addAll(ordered.subList(head.size(), ordered.size()));
        return reranked;
    }
}

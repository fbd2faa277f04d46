package dev.footnote.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.footnote.corpus.Sentences;
import dev.footnote.corpus.Span;
import dev.footnote.corpus.Text;
import dev.footnote.embedding.Embedder;
import dev.footnote.search.PassageHit;

/**
 * The offline answerer: no model writes anything. It picks the sentences of the retrieved passages closest
 * in meaning to the question (all-MiniLM-L6-v2 cosine similarity), at most {@value #MAX_SENTENCES}, orders
 * them as they stand in the passages (best passage first), and quotes them verbatim, each with its citation.
 *
 * <p>A factual question whose answer has a checkable form (a quantity, a date, a named attribute, a maker;
 * see {@link ExpectedAnswer}) is answered only when one of the close sentences states it, and that sentence
 * is always quoted; otherwise the answerer declines, as the essays discuss the subject but not the fact.
 */
final class ExtractiveAnswerer implements Answerer {

    static final String PROVIDER = "extractive";
    static final String LEAD = "Quoted from the essays:";
    static final int MAX_SENTENCES = 3;
    /** Sentences less similar to the question than this do not answer it. */
    static final double MIN_SIMILARITY = 0.3;
    private static final int MIN_WORDS = 4;

    private final Embedder embedder;

    ExtractiveAnswerer(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    private record Candidate(int passage, Span span, String text, String context, double similarity) {

        Candidate scored(double similarity) {
            return new Candidate(passage, span, text, context, similarity);
        }
    }

    @Override
    public Optional<String> answer(String question, List<PassageHit> passages, Consumer<String> tokens) {
        List<Candidate> candidates = new ArrayList<>();
        List<String> texts = new ArrayList<>(List.of(question));
        for (int p = 0; p < passages.size(); p++) {
            PassageHit hit = passages.get(p);
            String passage = hit.text();
            String context = String.join("\n", passage, Objects.toString(hit.essay().title(), ""),
                    Objects.toString(hit.essay().author(), ""));
            for (Span span : Sentences.of(passage)) {
                String sentence = span.of(passage);
                if (Text.words(sentence).size() >= MIN_WORDS) {
                    candidates.add(new Candidate(p, span, sentence, context, 0));
                    texts.add(sentence);
                }
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<float[]> vectors = embedder.embed(texts);
        List<Candidate> scored = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            scored.add(c.scored(CitationBuilder.dot(vectors.get(0), vectors.get(i + 1))));
        }
        List<Candidate> chosen = choose(scored, ExpectedAnswer.of(question));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Consumer<String> sink = tokens == null ? piece -> { } : tokens;
        StringBuilder draft = new StringBuilder(LEAD);
        sink.accept(LEAD);
        for (Candidate c : chosen) {
            String piece = "\n“" + c.text.strip() + "” [" + (c.passage + 1) + "]";
            draft.append(piece);
            sink.accept(piece);
        }
        return Optional.of(draft.toString());
    }

    /**
     * The closest sentences. For a checkable question: none unless one states the fact, and then that one
     * with the closest of those from passages about the question's subject.
     */
    private static List<Candidate> choose(List<Candidate> scored, ExpectedAnswer expected) {
        Set<String> seen = new HashSet<>();
        List<Candidate> close = scored.stream()
                .filter(c -> c.similarity >= MIN_SIMILARITY)
                .sorted(Comparator.comparingDouble(Candidate::similarity).reversed())
                .filter(c -> seen.add(String.join(" ", Text.words(c.text))))
                .collect(Collectors.toCollection(ArrayList::new));
        if (expected.isCheckable()) {
            Optional<Candidate> statement = close.stream()
                    .filter(c -> expected.isStatedBy(c.text, c.context))
                    .findFirst();
            if (statement.isEmpty()) {
                return List.of();
            }
            close.removeIf(c -> c == statement.get() || !expected.isAbout(c.context));
            close.add(0, statement.get());
        }
        List<Candidate> chosen = new ArrayList<>(close.subList(0, Math.min(MAX_SENTENCES, close.size())));
        chosen.sort(Comparator.comparingInt(Candidate::passage).thenComparingInt(c -> c.span.start()));
        return chosen;
    }

    @Override
    public Optional<String> rewrite(String question, String history) {
        return Optional.empty();
    }
}

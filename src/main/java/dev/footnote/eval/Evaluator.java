package dev.footnote.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.search.PassageHit;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.PassageSearch;

/** Runs an evaluation set through passage retrieval and the relevance threshold. */
@Singleton
public class Evaluator {

    private static final int[] CUTOFFS = {1, 3, 5, 10};

    private final PassageSearch search;
    private final ObjectMapper json;

    public Evaluator(PassageSearch search, ObjectMapper json) {
        this.search = search;
        this.json = json;
    }

    public List<EvalQuestion> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("evaluation file not found: " + file);
        }
        List<EvalQuestion> questions = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    EvalQuestion question = json.readValue(line, EvalQuestion.class);
                    if (question.question() == null || question.question().isBlank()) {
                        throw new IllegalArgumentException("no \"question\"");
                    }
                    questions.add(question);
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": not an evaluation question ("
                            + e.getMessage().lines().findFirst().orElse("") + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return questions;
    }

    /** Retrieves {@code max(k, 10)} passages per question and scores the first hit's rank. */
    public EvalReport evaluate(List<EvalQuestion> questions, int k) {
        int depth = Math.max(k, 10);
        int answerable = 0;
        int unanswerable = 0;
        int[] hits = new int[CUTOFFS.length];
        double reciprocalRanks = 0;
        int refusedCorrectly = 0;
        int answeredCorrectly = 0;
        List<String> misses = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        for (EvalQuestion question : questions) {
            long started = System.nanoTime();
            List<PassageHit> passages = search.search(new PassageQuery(question.question(), depth,
                    Optional.empty(), Optional.empty()));
            millis.add((System.nanoTime() - started) / 1e6);
            boolean refused = !search.anyRelevant(passages);
            if (!question.answerable()) {
                unanswerable++;
                refusedCorrectly += refused ? 1 : 0;
                continue;
            }
            answerable++;
            answeredCorrectly += refused ? 0 : 1;
            int rank = firstHit(question, passages);
            for (int c = 0; c < CUTOFFS.length; c++) {
                hits[c] += rank > 0 && rank <= CUTOFFS[c] ? 1 : 0;
            }
            reciprocalRanks += rank > 0 && rank <= 10 ? 1.0 / rank : 0;
            if (rank == 0 || rank > k) {
                misses.add(question.id());
            }
        }
        millis.sort(Double::compare);
        double share = Math.max(1, answerable);
        return new EvalReport(questions.size(), answerable, unanswerable, k, hits[0] / share, hits[1] / share,
                hits[2] / share, hits[3] / share, reciprocalRanks / share,
                unanswerable == 0 ? 1 : (double) refusedCorrectly / unanswerable, answeredCorrectly / share,
                millis.isEmpty() ? 0 : millis.get(millis.size() / 2), misses);
    }

    /** The 1-based rank of the first passage holding the evidence, or 0. */
    static int firstHit(EvalQuestion question, List<PassageHit> passages) {
        EvidenceMatcher matcher = new EvidenceMatcher(question.evidences());
        for (int i = 0; i < passages.size(); i++) {
            if (matcher.hits(passages.get(i).text())) {
                return i + 1;
            }
        }
        return 0;
    }
}

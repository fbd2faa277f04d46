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

import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.ChatService;
import dev.footnote.search.PassageHit;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.PassageSearch;

/**
 * Runs an evaluation set through passage retrieval (is the evidence found, how high) and through chat (is
 * the question refused or answered, and do the answer's quotes hold the evidence).
 */
@Singleton
public class Evaluator {

    private static final int[] CUTOFFS = {1, 3, 5, 10};

    private final PassageSearch search;
    private final ChatService chat;
    private final ObjectMapper json;

    public Evaluator(PassageSearch search, ChatService chat, ObjectMapper json) {
        this.search = search;
        this.chat = chat;
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

    /**
     * Retrieves {@code max(k, 10)} passages per question and scores the first hit's rank, then asks the
     * question in chat, outside any conversation: which passages the answerer receives, whether it answers,
     * and whether its quotes hold the evidence.
     */
    public EvalReport evaluate(List<EvalQuestion> questions, int k) {
        int depth = Math.max(k, 10);
        List<Outcome> outcomes = new ArrayList<>();
        List<Double> searchMillis = new ArrayList<>();
        List<Double> answerMillis = new ArrayList<>();
        for (EvalQuestion question : questions) {
            long started = System.nanoTime();
            List<PassageHit> passages = search.search(new PassageQuery(question.question(), depth,
                    Optional.empty(), Optional.empty()));
            searchMillis.add((System.nanoTime() - started) / 1e6);
            started = System.nanoTime();
            ChatAnswer answer = chat.answerAlone(question.question());
            answerMillis.add((System.nanoTime() - started) / 1e6);
            if (!question.answerable()) {
                outcomes.add(new Outcome(question, 0, false, answer.grounded(), false));
                continue;
            }
            EvidenceMatcher evidence = new EvidenceMatcher(question.evidences());
            boolean reached = firstHit(evidence, chat.contextAlone(question.question())) > 0;
            boolean quoted = answer.citations().stream().anyMatch(c -> evidence.hits(c.quote()));
            outcomes.add(new Outcome(question, firstHit(evidence, passages), reached, answer.grounded(), quoted));
        }
        return EvalReport.of(k, outcomes, median(searchMillis), median(answerMillis));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    /** The 1-based rank of the first passage holding the evidence, or 0. */
    static int firstHit(EvidenceMatcher matcher, List<PassageHit> passages) {
        for (int i = 0; i < passages.size(); i++) {
            if (matcher.hits(passages.get(i).text())) {
                return i + 1;
            }
        }
        return 0;
    }
}

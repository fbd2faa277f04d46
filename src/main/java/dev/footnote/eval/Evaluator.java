package dev.footnote.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.footnote.chat.ChatService;
import dev.footnote.chat.Citation;
import dev.footnote.chat.Citation.CitedEssay;
import dev.footnote.chat.Trace;
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
     * Asks each question in chat, a follow-up after the question it follows ({@link Conversation}): which
     * passages the answerer receives, whether it answers, and whether its quotes hold the evidence; then
     * retrieves {@code max(k, 10)} passages for the question as searched and scores the first hit's rank.
     */
    public EvalReport evaluate(List<EvalQuestion> questions, int k) {
        int depth = Math.max(k, 10);
        List<Outcome> outcomes = new ArrayList<>();
        MeterRegistry meters = new SimpleMeterRegistry();
        Timer searchTimer = medianTimer("search", meters);
        Timer answerTimer = medianTimer("answer", meters);
        Conversation conversation = new Conversation(chat, questions);
        for (EvalQuestion question : questions) {
            Trace answer = answerTimer.record(() -> conversation.ask(question));
            String searched = Conversation.searched(question, answer);
            List<PassageHit> passages = searchTimer.record(() -> search.search(new PassageQuery(searched, depth,
                    Optional.empty(), Optional.empty())));
            Optional<CitedEssay> cited = answer.citations().stream().findFirst().map(Citation::essay);
            boolean repeated = quotesRepeated(answer.citations());
            if (!question.answerable()) {
                outcomes.add(new Outcome(question, 0, false, answer.answered(), false, cited, repeated));
                continue;
            }
            EvidenceMatcher evidence = new EvidenceMatcher(question.evidences());
            boolean reached = firstHit(evidence, answer.passages()) > 0;
            boolean quoted = answer.citations().stream().anyMatch(c -> evidence.hits(c.quote()));
            outcomes.add(new Outcome(question, firstHit(evidence, passages), reached, answer.answered(), quoted,
                    cited, repeated));
        }
        return EvalReport.of(k, outcomes, medianMillis(searchTimer), medianMillis(answerTimer));
    }

    /**
     * A timer that keeps its median over the whole run (not Micrometer's default two-minute window), to two
     * significant digits.
     */
    private static Timer medianTimer(String name, MeterRegistry meters) {
        return Timer.builder(name).publishPercentiles(0.5).percentilePrecision(2)
                .distributionStatisticExpiry(Duration.ofDays(1)).distributionStatisticBufferLength(1)
                .register(meters);
    }

    private static double medianMillis(Timer timer) {
        ValueAtPercentile[] percentiles = timer.takeSnapshot().percentileValues();
        return timer.count() == 0 ? 0 : percentiles[0].value(TimeUnit.MILLISECONDS);
    }

    /** Whether two citations quote overlapping text of one source file. */
    static boolean quotesRepeated(List<Citation> citations) {
        for (int i = 0; i < citations.size(); i++) {
            for (int j = i + 1; j < citations.size(); j++) {
                Citation a = citations.get(i);
                Citation b = citations.get(j);
                if (Objects.equals(a.source(), b.source()) && a.quoteSpan().overlaps(b.quoteSpan())) {
                    return true;
                }
            }
        }
        return false;
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

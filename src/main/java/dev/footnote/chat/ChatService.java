package dev.footnote.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.evidence.Evidence;
import dev.footnote.evidence.EvidenceFinder;
import dev.footnote.language.QuestionLanguage;
import dev.footnote.search.OverlapMerger;
import dev.footnote.search.PassageHit;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.PassageSearch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Answers a question with citations: conversation → standalone question → retrieval → refusal or answer →
 * citations checked against the passages → turn remembered.
 *
 * <p>When no passage clears the relevance threshold, or the evidence model finds that the passages discuss
 * the subject without stating what is asked, the answer says the essays do not cover the question, without
 * calling any model. No citation is ever made from model text: numbers are checked against what
 * was retrieved, and quotes are cut from the passages.
 *
 * <p>Built when the application starts, so that a bad provider, prompt or evidence model stops the start
 * with one line instead of failing the first chat while readiness says UP.
 */
@Startup
@Singleton
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class);

    static final String UNCHECKED = "The model's answer could not be checked against the essays: none of its "
            + "sentences is supported by the passages it was given, so it is not shown.";
    static final String UNCHECKED_PREFIX = "Unchecked (no sentence is supported by the essays): ";
    static final String NOT_COVERED = "The essays don't cover this: none of their passages answers the question.";
    static final String ENGLISH_ONLY = "The essays are in English, and questions are read in English. This question "
            + "seems to be in another language: please ask it in English.";

    /** A citation marker: an answer without one cited nothing. */
    private static final Pattern MARKER = Pattern.compile("\\[\\d+(?:\\s*,\\s*\\d+)*]");

    private final PassageSearch search;
    private final Conversations conversations;
    private final Answerer answerer;
    private final EvidenceFinder evidence;
    private final FollowUps followUps;
    private final CitationBuilder citations;
    private final QuestionLanguage language;
    private final int defaultK;
    private final boolean showUnchecked;
    private final MeterRegistry registry;

    /** Search, the evidence finder and the citation check share the embedding cache: each text is embedded once. */
    @Inject
    public ChatService(PassageSearch search, Conversations conversations, Embeddings embeddings, OnnxEncoder encoder,
            EvidenceFinder evidence, Prompts prompts, QuestionLanguage language, FootnoteConfig config,
            MeterRegistry registry) {
        this(search, conversations, AnswererFactory.create(config.llm(), new PromptBuilder(prompts), registry),
                evidence, new CitationBuilder(embeddings, encoder.model().cosines()), language, config.chat().k(),
                config.chat().showUnchecked(), registry);
    }

    ChatService(PassageSearch search, Conversations conversations, Answerer answerer, EvidenceFinder evidence,
            CitationBuilder citations, QuestionLanguage language, int defaultK, boolean showUnchecked,
            MeterRegistry registry) {
        this.registry = registry;
        this.search = search;
        this.conversations = conversations;
        this.answerer = answerer;
        this.evidence = evidence;
        this.followUps = new FollowUps(answerer, search::authorNames);
        this.citations = citations;
        this.language = language;
        this.defaultK = defaultK;
        this.showUnchecked = showUnchecked;
    }

    /** Throws unless questions can be answered now: see {@link PassageSearch#requireServing()}. */
    public void requireServing() {
        search.requireServing();
    }

    public String provider() {
        return answerer.provider();
    }

    /** Answers at once; {@code listener} may be {@code null}, then nothing is streamed. */
    public ChatAnswer answer(String question, Optional<String> conversationId, Optional<Integer> k,
            ChatListener listener) {
        Optional<List<Turn>> history = conversationId.flatMap(conversations::find);
        String id = history.isPresent() ? conversationId.get().strip() : conversations.start();
        ChatAnswer answer = answer(id, question, history.orElse(List.of()), k, listener);
        count(answer);
        Citation first = answer.citations().isEmpty() ? null : answer.citations().get(0);
        try {
            conversations.append(id, new Turn(question, answer.question(), answer.answer(),
                    first == null ? null : first.essay().author(), first == null ? null : first.essay().id()));
        } catch (ConversationException e) {
            // the answer is worth more than the follow-up it would have helped
            LOG.warnf("Conversation %s lost a turn: %s", id, e.getCause().getMessage());
        }
        return answer;
    }

    /**
     * Answers a question that follows {@code earlier} exchanges which the client keeps, as {@link #answer(String,
     * Optional, Optional, ChatListener)} answers a follow-up in a stored conversation, but without reading or
     * storing anything: the answer has no {@code conversationId}.
     *
     * <p>A stored turn remembers who its answer cited first, for "he" and "that essay" next; an exchange has
     * only text. So the previous exchange is made standalone by the pronoun rules (no model is asked) and
     * retrieved once, and the essay its answer cited first is taken to be the retrieved essay whose title the
     * answer names first (a list of sources names them in citation order), else the best passage's essay. An
     * answer without any {@code [n]} cited nothing. Older exchanges keep their questions as asked, for the
     * authors the user named and for a model's rewrite.
     */
    public ChatAnswer answerAfter(String question, List<Exchange> earlier, Optional<Integer> k,
            ChatListener listener) {
        List<Turn> history = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            Exchange exchange = earlier.get(i);
            history.add(i < earlier.size() - 1
                    ? new Turn(exchange.question(), exchange.question(), exchange.answer(), null, null)
                    : previousTurn(exchange, List.copyOf(history), k));
        }
        ChatAnswer answer = answer(null, question, history, k, listener);
        count(answer);
        return answer;
    }

    /** The turn a stored conversation would have kept for {@code exchange}, derived from its text. */
    private Turn previousTurn(Exchange exchange, List<Turn> before, Optional<Integer> k) {
        FollowUps.Resolved resolved = followUps.byRules(exchange.question(), before);
        Optional<PassageHit> cited = Optional.empty();
        if (MARKER.matcher(exchange.answer()).find()) {
            List<PassageHit> passages = context(resolved, k);
            cited = passages.stream().filter(p -> p.essay().title() != null
                    && exchange.answer().contains(p.essay().title()))
                    .min(Comparator.comparingInt(p -> exchange.answer().indexOf(p.essay().title())))
                    .or(() -> passages.stream().findFirst());
        }
        return new Turn(exchange.question(), resolved.question(), exchange.answer(),
                cited.map(p -> p.essay().author()).orElse(null), cited.map(p -> p.essay().id()).orElse(null));
    }

    /** Counts answers by outcome ({@code footnote.chat.answers}): how often the essays do not cover a question. */
    private void count(ChatAnswer answer) {
        String outcome = answer.grounded() ? "answered"
                : answer.answer().equals(NOT_COVERED) ? "not_covered"
                : answer.answer().equals(ENGLISH_ONLY) ? "other_language" : "unchecked";
        Counter.builder("footnote.chat.answers").description("Chat answers, by outcome")
                .tag("outcome", outcome).tag("provider", answerer.provider()).register(registry).increment();
    }

    /** Answers a question on its own, as evaluation does: no conversation is read, started or remembered. */
    public ChatAnswer answerAlone(String question) {
        return answer(null, question, List.of(), Optional.empty(), null);
    }

    /** The passages the answerer receives for a question on its own, as evaluation measures them. */
    public List<PassageHit> contextAlone(String question) {
        return context(followUps.resolve(question, List.of()), Optional.empty());
    }

    /**
     * Whether the essays answer a question on its own: relevant passages are found and the evidence model
     * finds the answer stated in them. No model server is called.
     */
    public boolean coversAlone(String question) {
        FollowUps.Resolved resolved = followUps.resolve(question, List.of());
        List<PassageHit> passages = context(resolved, Optional.empty());
        return !passages.isEmpty() && !evidence.find(resolved.question(), passages).declined();
    }

    /** What the evidence model works with, for calibrating it. */
    public EvidenceFinder evidenceFinder() {
        return evidence;
    }

    private List<PassageHit> context(FollowUps.Resolved resolved, Optional<Integer> k) {
        return OverlapMerger.merged(search.search(new PassageQuery(resolved.question(), k.orElse(defaultK),
                resolved.author(), resolved.essayId())).stream().filter(search::isRelevant).toList());
    }

    private ChatAnswer answer(String id, String question, List<Turn> history, Optional<Integer> k,
            ChatListener listener) {
        if (language.isOtherLanguage(question)) {
            // the essays may well cover it, but matched as English words it would find nothing or little
            return declined(id, new FollowUps.Resolved(question, Optional.empty(), Optional.empty()),
                    listener == null ? null : new CitationsFirst(listener, List.of()), ENGLISH_ONLY);
        }
        FollowUps.Resolved resolved = followUps.resolve(question, history);
        List<PassageHit> passages = context(resolved, k);
        CitationsFirst stream = listener == null ? null : new CitationsFirst(listener, passages);
        Evidence found = passages.isEmpty() ? Evidence.NONE : evidence.find(resolved.question(), passages);
        if (found.declined()) {
            return notCovered(id, resolved, stream);
        }
        Optional<String> draft = answerer.answer(resolved.question(), passages, found, stream);
        if (draft.isEmpty()) {
            return notCovered(id, resolved, stream);
        }
        CitationBuilder.Result built = citations.build(draft.get(), passages);
        if (built.citations().isEmpty()) {
            // not one sentence of the draft stands on a passage: it may be the model's own invention
            return showUnchecked
                    ? new ChatAnswer(id, UNCHECKED_PREFIX + built.answer(), false, answerer.provider(), List.of(),
                            resolved.question(), built.unsupported())
                    : new ChatAnswer(id, UNCHECKED, false, answerer.provider(), List.of(), resolved.question(),
                            List.of());
        }
        return new ChatAnswer(id, built.answer(), true, answerer.provider(), built.citations(), resolved.question(),
                built.unsupported());
    }

    /** The essays don't cover the question: nothing relevant was retrieved, or the answerer declined. */
    private ChatAnswer notCovered(String id, FollowUps.Resolved resolved, CitationsFirst stream) {
        return declined(id, resolved, stream, NOT_COVERED);
    }

    private ChatAnswer declined(String id, FollowUps.Resolved resolved, CitationsFirst stream, String answer) {
        if (stream != null) {
            stream.decline(answer);
        }
        return new ChatAnswer(id, answer, false, answerer.provider(), List.of(), resolved.question(), List.of());
    }

    /**
     * Sends the passages an answer may cite just before its first token, so that an answerer that declines
     * (it finds no sentence stating the fact) streams no citations at all, only the refusal.
     */
    private static final class CitationsFirst implements TokenSink {
        private final ChatListener listener;
        private final List<PassageHit> passages;
        private boolean started;

        CitationsFirst(ChatListener listener, List<PassageHit> passages) {
            this.listener = listener;
            this.passages = passages;
        }

        @Override
        public void accept(String text) {
            if (!started) {
                started = true;
                List<Citation> candidates = new ArrayList<>();
                for (int i = 0; i < passages.size(); i++) {
                    candidates.add(Citation.of(i + 1, i + 1, passages.get(i).text(), passages.get(i)));
                }
                listener.citations(candidates);
            }
            listener.token(text);
        }

        void decline(String refusal) {
            if (!started) {
                started = true;
                listener.citations(List.of());
            }
            listener.token(refusal);
        }

        @Override
        public boolean abandoned() {
            return listener.abandoned();
        }
    }
}

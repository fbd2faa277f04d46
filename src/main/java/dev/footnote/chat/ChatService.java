package dev.footnote.chat;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.footnote.search.PassageSearch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Chat around the {@link AnswerPipeline}: the conversation a question belongs to, stored here or kept by the
 * client, and the count of answers by {@link Outcome}.
 *
 * <p>Built when the application starts, so that a bad provider, prompt or evidence model stops the start
 * with one line instead of failing the first chat while readiness says UP.
 */
@Startup
@Singleton
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class);

    private final AnswerPipeline pipeline;
    private final ExchangeHistory exchanges;
    private final Conversations conversations;
    private final PassageSearch search;
    private final MeterRegistry registry;

    @Inject
    ChatService(AnswerPipeline pipeline, QueryResolver resolver, Conversations conversations, PassageSearch search,
            MeterRegistry registry) {
        this.pipeline = pipeline;
        this.exchanges = new ExchangeHistory(resolver, pipeline::context);
        this.conversations = conversations;
        this.search = search;
        this.registry = registry;
    }

    /** Throws unless questions can be answered now: see {@link PassageSearch#requireServing()}. */
    public void requireServing() {
        search.requireServing();
    }

    public String provider() {
        return pipeline.provider();
    }

    /**
     * Answers a question in a stored conversation (a new one unless {@code conversationId} names one), and
     * remembers the turn; {@code listener} may be {@code null}, then nothing is streamed.
     */
    public ChatAnswer answer(String question, Optional<String> conversationId, Optional<Integer> k,
            ChatListener listener) {
        Optional<List<Turn>> history = conversationId.flatMap(conversations::find);
        String id = history.isPresent() ? conversationId.get().strip() : conversations.start();
        Trace trace = counted(pipeline.run(question, history.orElse(List.of()), k, listener));
        Citation first = trace.citations().isEmpty() ? null : trace.citations().get(0);
        try {
            conversations.append(id, new Turn(question, trace.resolved().text(), trace.answer(),
                    first == null ? null : first.essay().author(), first == null ? null : first.essay().id()));
        } catch (ConversationException e) {
            // the answer is worth more than the follow-up it would have helped
            LOG.warnf("Conversation %s lost a turn: %s", id, e.getCause().getMessage());
        }
        return trace.toAnswer(id);
    }

    /**
     * Answers a question that follows {@code earlier} exchanges which the client keeps, as {@link #answer} answers
     * a follow-up in a stored conversation ({@link ExchangeHistory}), but without reading or storing anything:
     * the answer has no {@code conversationId}.
     */
    public Trace answerAfter(String question, List<Exchange> earlier, Optional<Integer> k, ChatListener listener) {
        return counted(pipeline.run(question, exchanges.turns(earlier, k), k, listener));
    }

    /** Counts answers by outcome ({@code footnote.chat.answers}): how often the essays do not cover a question. */
    private Trace counted(Trace trace) {
        Counter.builder("footnote.chat.answers").description("Chat answers, by outcome")
                .tag("outcome", trace.outcome().tag()).tag("provider", trace.provider()).register(registry)
                .increment();
        return trace;
    }
}

package dev.footnote.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.footnote.chat.Exchange;
import dev.footnote.openai.ChatCompletionRequest.Message;
import dev.footnote.search.InvalidQueryException;
import dev.footnote.search.QueryLimits;
import dev.footnote.web.ProblemException;

/**
 * What the messages of a chat completion ask: the last message, the user's, is the question; the user and
 * assistant messages before it are the conversation it follows, as exchanges of a question and the answer shown
 * for it.
 *
 * <ul>
 *   <li>System and developer messages are left out: Footnote's own prompts apply. So are tool messages.</li>
 *   <li>The question must be a question Footnote takes ({@link QueryLimits#question}). An earlier user message
 *   that is not (blank, too long, not plain text) was never answered from the essays: it is left out with its
 *   answer, rather than refusing every later request of the conversation.</li>
 *   <li>Assistant messages in a row make one answer; an assistant message before any question is left out.</li>
 *   <li>Only the last {@code maxExchanges} exchanges are kept, as a stored conversation keeps its last turns.</li>
 * </ul>
 *
 * @param question the question, stripped
 * @param earlier  the exchanges before it, oldest first
 */
record Conversation(String question, List<Exchange> earlier) {

    static Conversation of(List<Message> messages, int maxExchanges) {
        List<Message> spoken = messages.stream().filter(m -> m.role().equals(ChatCompletionRequest.USER)
                || m.role().equals(ChatCompletionRequest.ASSISTANT)).toList();
        if (spoken.isEmpty() || !spoken.get(spoken.size() - 1).role().equals(ChatCompletionRequest.USER)) {
            throw ProblemException.badRequest("the last message must be the user's question: a message with role "
                    + "\"user\" after any assistant message");
        }
        String question = QueryLimits.question(spoken.get(spoken.size() - 1).text(), "the last user message");
        List<Exchange> earlier = new ArrayList<>();
        String asked = null;
        StringBuilder answer = new StringBuilder();
        for (Message message : spoken.subList(0, spoken.size() - 1)) {
            if (message.role().equals(ChatCompletionRequest.USER)) {
                if (asked != null) {
                    earlier.add(new Exchange(asked, answer.toString()));
                }
                asked = asked(message.text()).orElse(null);
                answer.setLength(0);
            } else if (asked != null && !message.text().isBlank()) {
                answer.append(answer.isEmpty() ? "" : "\n\n").append(message.text().strip());
            }
        }
        if (asked != null) {
            earlier.add(new Exchange(asked, answer.toString()));
        }
        return new Conversation(question, List.copyOf(earlier.subList(Math.max(0, earlier.size() - maxExchanges),
                earlier.size())));
    }

    /** The texts the answer reads: every question and answer, for counting tokens. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (Exchange exchange : earlier) {
            texts.add(exchange.question());
            texts.add(exchange.answer());
        }
        texts.add(question);
        return texts;
    }

    /** An earlier question as Footnote would have taken it, or empty when it would have refused it. */
    private static Optional<String> asked(String text) {
        try {
            return QueryLimits.optionalText(text, "an earlier user message");
        } catch (InvalidQueryException e) {
            return Optional.empty();
        }
    }
}

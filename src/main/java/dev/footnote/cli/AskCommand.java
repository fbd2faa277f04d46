package dev.footnote.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.ChatService;
import dev.footnote.chat.Citation;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.QueryLimits;
import dev.footnote.text.Span;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ask "QUESTION"}: the answer on stdout, with numbered footnotes under it. */
@Command(name = "ask", description = "Answer a question from the essays, with footnotes.")
public class AskCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUESTION", description = "The question, in quotes.")
    String question;

    @Option(names = "--k", description = "Passages to retrieve (1 to 50).")
    Integer k;

    @Option(names = "--conversation", paramLabel = "ID", description = "Continue this conversation.")
    String conversationId;

    private final ChatService chat;

    public AskCommand(ChatService chat) {
        this.chat = chat;
    }

    @Override
    public Integer call() {
        if (question == null || question.isBlank() || question.length() > PassageQuery.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("the question must be 1 to " + PassageQuery.MAX_TEXT_LENGTH
                    + " characters");
        }
        String checked = QueryLimits.question(question, "the question");
        Optional<String> conversation = QueryLimits.optionalText(conversationId, "--conversation");
        if (k != null) {
            QueryLimits.k(k, "--k");
        }
        ChatAnswer answer = chat.answer(checked, conversation, Optional.ofNullable(k), null);
        System.out.println(format(answer));
        return 0;
    }

    static String format(ChatAnswer answer) {
        StringBuilder out = new StringBuilder(answer.answer()).append("\n");
        if (!answer.citations().isEmpty()) {
            out.append("\n");
        }
        for (Citation c : answer.citations()) {
            Span quoted = c.quoteSpan();
            out.append(String.format("[%d] %s — %s, %s, characters %d–%d%n    “%s”%n", c.n(), c.essay().title(),
                    c.essay().author() == null ? "author unknown" : c.essay().author(), c.source(), quoted.start(),
                    quoted.end(),
                    c.quote()));
        }
        out.append("\n(").append(answer.provider()).append(answer.grounded() ? "" : ", not found in the essays")
                .append("; conversation ").append(answer.conversationId()).append(")");
        return out.toString();
    }
}

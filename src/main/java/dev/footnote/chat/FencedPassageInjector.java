package dev.footnote.chat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.footnote.search.PassageHit;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.ContentInjector;

/**
 * The content-injection stage: puts the retrieved passages into the user's message, as numbered blocks with
 * their essay's title and author, through the {@code answer} prompt template.
 *
 * <p>Each block is fenced by lines carrying a marker drawn at random for this request. A passage cannot close
 * the fence early or pose as a new block, because it cannot know the marker; the system prompt names the
 * marker and says that fenced text is quotation, never instruction. Block {@code n} is passage {@code n} of
 * the list, which is what the answer's {@code [n]} markers refer to.
 */
final class FencedPassageInjector implements ContentInjector {

    static final String TITLE = "title";
    static final String AUTHOR = "author";

    private final Prompts prompts;
    private final String fence;

    FencedPassageInjector(Prompts prompts, String fence) {
        this.prompts = prompts;
        this.fence = fence;
    }

    /** A passage as content: its text, with its essay's title and author as metadata. */
    static Content content(PassageHit passage) {
        Metadata metadata = new Metadata().put(TITLE, passage.essay().title())
                .put(AUTHOR, Objects.requireNonNullElse(passage.essay().author(), "unknown"));
        return Content.from(TextSegment.from(passage.text(), metadata));
    }

    @Override
    public ChatMessage inject(List<Content> contents, ChatMessage question) {
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < contents.size(); i++) {
            TextSegment passage = contents.get(i).textSegment();
            int n = i + 1;
            blocks.append("<<").append(fence).append(" passage ").append(n).append(">>\n")
                    .append("Essay: ").append(passage.metadata().getString(TITLE)).append('\n')
                    .append("Author: ").append(passage.metadata().getString(AUTHOR)).append('\n')
                    .append(passage.text()).append('\n')
                    .append("<<").append(fence).append(" end of passage ").append(n).append(">>\n\n");
        }
        return UserMessage.from(prompts.render(Prompts.ANSWER,
                Map.of("passages", blocks.toString().strip(), "question", ((UserMessage) question).singleText())));
    }
}

package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footnote.chat.AnswerPipeline;
import dev.footnote.chat.Trace;
import dev.footnote.chat.ChatService;
import io.quarkus.test.junit.QuarkusTest;

/** Evaluation asks a follow-up after the question it follows, as a user would, and alone when that is missing. */
@QuarkusTest
class ConversationTest {

    private static final EvalQuestion WIKI = question("w1", "How does the AI-generated wiki stop visitors from "
            + "typing in the address of any article?", null);
    private static final EvalQuestion CODE_REVIEW = question("w2", "What did he say about code review?", "w1");

    @Inject
    ChatService chat;

    @Inject
    AnswerPipeline pipeline;

    @Test
    void should_search_a_follow_up_as_the_chat_resolves_it_after_its_question() {
        Conversation conversation = new Conversation(chat, List.of(WIKI, CODE_REVIEW));
        conversation.ask(WIKI);

        Trace followUp = conversation.ask(CODE_REVIEW);

        assertThat(Conversation.searched(CODE_REVIEW, followUp))
                .isEqualTo("What did Sean Goedecke say about code review?");
        assertThat(followUp.citations()).isNotEmpty().allMatch(c -> c.essay().author().equals("Sean Goedecke"));
    }

    @Test
    void should_ask_a_follow_up_alone_when_its_question_was_not_asked_before_it() {
        Trace alone = new Conversation(chat, List.of(CODE_REVIEW)).ask(CODE_REVIEW);

        assertThat(Conversation.searched(CODE_REVIEW, alone)).isEqualTo(CODE_REVIEW.question());
        assertThat(Conversation.searched(WIKI, pipeline.run(WIKI.question()))).isEqualTo(WIKI.question());
    }

    @Test
    void should_search_as_written_a_question_no_follow_up_comes_after_and_resolve_the_follow_ups() {
        EvalQuestion other = question("w3", "Who designed the Windows Solitaire cards?", null);
        Conversation conversation = new Conversation(chat, List.of(other, WIKI, CODE_REVIEW));

        assertThat(conversation.searched(other)).isEqualTo(other.question());
        assertThat(conversation.searched(WIKI)).isEqualTo(WIKI.question());
        assertThat(conversation.searched(CODE_REVIEW)).isEqualTo("What did Sean Goedecke say about code review?");
    }

    private static EvalQuestion question(String id, String text, String followUpOf) {
        return new EvalQuestion(id, text, "fact", followUpOf == null ? "natural" : "follow-up", "e", null, null, null,
                null, followUpOf);
    }
}

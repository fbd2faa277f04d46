package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.footnote.index.Sql;
import io.quarkus.test.junit.QuarkusTest;

/** Follow-ups after exchanges that the client keeps: resolved as in a stored conversation, and nothing stored. */
@QuarkusTest
class AnswerAfterExchangesTest {

    private static final String WIKI = "How does the AI-generated wiki stop visitors from typing in the address of "
            + "any article?";
    private static final String CODE_REVIEW = "What did he say about code review?";

    @Inject
    ChatService chat;

    @Inject
    AnswerPipeline pipeline;

    @Inject
    DataSource dataSource;

    @Test
    void should_read_he_as_the_author_the_previous_answer_cited_first_and_store_nothing() {
        Trace first = pipeline.run(WIKI);
        assertThat(first.citations()).first().extracting(c -> c.essay().author()).isEqualTo("Sean Goedecke");
        long conversations = conversations();

        ChatAnswer followUp = chat.answerAfter(CODE_REVIEW, List.of(new Exchange(WIKI, first.answer())),
                Optional.empty(), null).toAnswer(null);

        assertThat(followUp.conversationId()).isNull();
        assertThat(followUp.question()).isEqualTo("What did Sean Goedecke say about code review?");
        assertThat(followUp.citations()).isNotEmpty().allMatch(c -> c.essay().author().equals("Sean Goedecke"));
        assertThat(conversations()).isEqualTo(conversations);
    }

    @Test
    void should_read_that_essay_as_the_one_whose_title_the_previous_answer_names_first() {
        Trace first = pipeline.run("What does Goedecke say centaur chess describes?");
        String title = first.citations().get(0).essay().title();
        String shown = first.answer() + "\n\nSources:\n[1] " + title + " — Sean Goedecke";

        ChatAnswer followUp = chat.answerAfter("What else does that essay say about centaur chess?",
                List.of(new Exchange("Tell me about remote work.", "The essays don't cover this."),
                        new Exchange("What does Goedecke say centaur chess describes?", shown)),
                Optional.empty(), null).toAnswer(null);

        assertThat(followUp.citations()).isNotEmpty().allMatch(c -> c.essay().title().equals(title));
    }

    @Test
    void should_take_an_answer_without_citations_as_naming_nobody() {
        ChatAnswer followUp = chat.answerAfter(CODE_REVIEW,
                List.of(new Exchange("What is the best time of year to plant tulip bulbs?",
                        "The essays don't cover this: none of their passages answers the question.")),
                Optional.empty(), null).toAnswer(null);

        assertThat(followUp.question()).isEqualTo(CODE_REVIEW);
    }

    private long conversations() {
        return Sql.query(dataSource, "SELECT count(*) FROM conversation_turn", rs -> rs.getLong(1)).get(0);
    }
}

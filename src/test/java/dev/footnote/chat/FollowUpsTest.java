package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.footnote.search.AuthorNames;

/** Follow-up questions made standalone: who a pronoun means, and the same filters with or without a model. */
class FollowUpsTest {

    private static final AuthorNames AUTHORS = new AuthorNames(
            List.of("Simon Willison", "Xe Iaso", "Andrej Karpathy", "Sean Goedecke"));

    private final FollowUps rule = new FollowUps(new Rewriter(null), () -> AUTHORS);

    @Test
    void should_search_only_the_essays_of_an_author_a_standalone_question_names() {
        assertThat(rule.resolve("What does Sean Goedecke use Codex for?", List.of()).author())
                .contains("Sean Goedecke");
        assertThat(rule.resolve("willison's take on agents", List.of()).author()).contains("Simon Willison");
        assertThat(rule.resolve("How does Iaso block scrapers?", List.of()).author()).contains("Xe Iaso");
        assertThat(rule.resolve("How do coding agents work?", List.of()).author()).isEmpty();
    }

    @Test
    void should_search_the_author_a_follow_up_names_over_the_one_cited_before() {
        List<Turn> history = List.of(turn("How should a code review comment be phrased?", "Sean Goedecke"));

        assertThat(rule.resolve("And what does Willison say about reviews?", history).author())
                .contains("Simon Willison");
    }

    @Test
    void should_read_he_as_the_author_the_user_named_before_the_one_cited_first() {
        // the user asked about Willison; the answer's first citation came from Goedecke's essay
        List<Turn> history = List.of(turn("What does Simon Willison think about coding agents?", "Sean Goedecke"));

        ResolvedQuestion resolved = rule.resolve("Which agents does he use daily?", history);

        assertThat(resolved.author()).contains("Simon Willison");
        assertThat(resolved.text()).isEqualTo("Which agents does Simon Willison use daily?");
    }

    @Test
    void should_fall_back_to_the_author_cited_first_when_nobody_was_named() {
        List<Turn> history = List.of(turn("How should a code review comment be phrased?", "Sean Goedecke"));

        ResolvedQuestion resolved = rule.resolve("What did he say about estimates?", history);

        assertThat(resolved.author()).contains("Sean Goedecke");
        assertThat(resolved.text()).isEqualTo("What did Sean Goedecke say about estimates?");
    }

    @Test
    void should_read_a_possessive_her_as_possessive_and_an_object_her_as_a_name() {
        List<Turn> history = List.of(turn("How does Anubis block scrapers?", "Xe Iaso"));

        assertThat(rule.resolve("Did her essay mention proof of work?", history).text())
                .isEqualTo("Did Xe Iaso's essay mention proof of work?");
        assertThat(rule.resolve("What do critics say about her?", history).text())
                .isEqualTo("What do critics say about Xe Iaso?");
    }

    @Test
    void should_keep_he_for_the_author_the_question_itself_names() {
        List<Turn> history = List.of(turn("What does Goedecke say about code review?", "Sean Goedecke"));

        ResolvedQuestion resolved = rule.resolve("What did Karpathy say he would do next?", history);

        assertThat(resolved.author()).contains("Andrej Karpathy");
        assertThat(resolved.text()).isEqualTo("What did Karpathy say he would do next?");
    }

    @Test
    void should_filter_by_the_same_author_when_a_model_rewrites_the_question() {
        List<Turn> history = List.of(turn("What does Simon Willison think about coding agents?", "Sean Goedecke"));
        FollowUps model = new FollowUps(new Rewriter("Which coding agents does Simon Willison use every day?"),
                () -> AUTHORS);

        ResolvedQuestion withModel = model.resolve("Which agents does he use daily?", history);
        ResolvedQuestion withRule = rule.resolve("Which agents does he use daily?", history);

        assertThat(withModel.text()).isEqualTo("Which coding agents does Simon Willison use every day?");
        assertThat(withModel.author()).isEqualTo(withRule.author()).contains("Simon Willison");
        assertThat(withModel.essayId()).isEqualTo(withRule.essayId());
    }

    @Test
    void should_leave_a_first_question_and_one_without_pronouns_alone() {
        assertThat(rule.resolve("What did he say about estimates?", List.of()))
                .isEqualTo(new ResolvedQuestion("What did he say about estimates?", Optional.empty(), Optional.empty()));
        ResolvedQuestion plain = rule.resolve("What is Anubis?", List.of(turn("Who wrote about scrapers?", "Xe Iaso")));
        assertThat(plain.author()).isEmpty();
        assertThat(plain.text()).isEqualTo("What is Anubis?");
    }

    private static Turn turn(String question, String citedAuthor) {
        return new Turn(question, question, "An answer [1].", citedAuthor, "essay-of-" + citedAuthor);
    }

    /** A rewriter as a model would rewrite, or one that cannot ({@code null}). */
    private record Rewriter(String rewritten) implements QuestionRewriter {

        @Override
        public Optional<String> rewrite(String question, String history) {
            return Optional.ofNullable(rewritten);
        }
    }
}

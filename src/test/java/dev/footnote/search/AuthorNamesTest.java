package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AuthorNamesTest {

    private final AuthorNames names = new AuthorNames(
            List.of("Simon Willison", "Xe Iaso", "Andrej Karpathy", "Sean Goedecke", "Simon Brown"));

    @Test
    void should_match_a_surname_or_any_part_of_a_name_in_any_case() {
        assertThat(names.matching("Willison")).containsExactly("Simon Willison");
        assertThat(names.matching("willison")).containsExactly("Simon Willison");
        assertThat(names.matching("SIMON WILLISON")).containsExactly("Simon Willison");
        assertThat(names.matching("Iaso")).containsExactly("Xe Iaso");
        assertThat(names.matching("Simon")).containsExactly("Simon Willison", "Simon Brown");
    }

    @Test
    void should_match_nothing_for_a_name_no_author_has_or_a_fragment_of_a_word() {
        assertThat(names.matching("Wilson")).isEmpty();
        assertThat(names.matching("Willi")).isEmpty();
        assertThat(names.matching("  ")).isEmpty();
    }

    @Test
    void should_find_the_author_a_question_names() {
        assertThat(names.namedIn("What did Karpathy say he would do next?")).contains("Andrej Karpathy");
        assertThat(names.namedIn("Did Xe Iaso's essay mention Anubis?")).contains("Xe Iaso");
        assertThat(names.namedIn("what does simon willison use for notes")).contains("Simon Willison");
        assertThat(names.namedIn("goedecke on code review")).contains("Sean Goedecke");
    }

    @Test
    void should_not_guess_between_authors_sharing_a_first_name_or_from_ordinary_words() {
        assertThat(names.namedIn("What did Simon say about agents?")).isEmpty();
        assertThat(names.namedIn("Which agents does he use daily?")).isEmpty();
        assertThat(names.namedIn("Is brown bread healthier?")).isEmpty();
        assertThat(names.namedIn("Brown bread or white bread, which is healthier?")).isEmpty();
        assertThat(names.namedIn("What did Brown write about architecture?")).contains("Simon Brown");
    }
}

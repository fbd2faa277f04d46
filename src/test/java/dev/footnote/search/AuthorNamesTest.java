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
    void should_match_the_start_of_each_name_part_in_any_case_and_order() {
        assertThat(names.matching("willi")).containsExactly("Simon Willison");
        assertThat(names.matching("Willi")).containsExactly("Simon Willison");
        assertThat(names.matching("simon w")).containsExactly("Simon Willison");
        assertThat(names.matching("Sim Will")).containsExactly("Simon Willison");
        assertThat(names.matching("will SIM")).containsExactly("Simon Willison");
        assertThat(names.matching("Sim")).containsExactly("Simon Willison", "Simon Brown");
        assertThat(names.matching("s")).containsExactly("Simon Willison", "Sean Goedecke", "Simon Brown");
    }

    @Test
    void should_match_nothing_for_a_name_no_author_has_or_a_fragment_inside_a_word() {
        assertThat(names.matching("Wilson")).isEmpty();
        assertThat(names.matching("llison")).isEmpty();
        assertThat(names.matching("Willisons")).isEmpty();
        assertThat(names.matching("simon b w")).isEmpty();
        assertThat(names.matching("  ")).isEmpty();
    }

    @Test
    void should_give_each_typed_word_a_name_part_of_its_own() {
        AuthorNames twins = new AuthorNames(List.of("Anna Annabel Smith", "Anna Smith"));
        assertThat(twins.matching("ann ann")).containsExactly("Anna Annabel Smith");
        assertThat(twins.matching("anna smith")).containsExactly("Anna Annabel Smith", "Anna Smith");
        assertThat(twins.matching("smith smith")).isEmpty();
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

package dev.footnote.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.index.EssayRecord;
import dev.footnote.index.EssayText;
import dev.footnote.mcp.QuoteFinder.QuoteCheck;

class QuoteFinderTest {

    private static final String FILE = "Title\n\nIt\u2019s a \u201cquote\u201d \u2014 and it\u2019s exact. "
            + "Again: it\u2019s.";
    private static final int BODY_START = FILE.indexOf("It");
    private static final List<EssayText> ESSAYS = List.of(new EssayText(
            new EssayRecord("e1", "Title", false, null, null, null, List.of("f.txt"), "f.txt", BODY_START, 1, null),
            FILE.substring(BODY_START)));

    @Test
    void should_give_every_occurrence_at_its_offsets_in_the_file() {
        QuoteCheck check = QuoteFinder.find(ESSAYS, "it\u2019s");

        assertThat(check.found()).isTrue();
        assertThat(check.occurrences()).isEqualTo(2);
        assertThat(check.matches()).allSatisfy(m -> assertThat(FILE.substring(m.start(), m.end())).isEqualTo(
                "it\u2019s"));
        assertThat(check.matches()).extracting(QuoteFinder.QuoteMatch::start)
                .containsExactly(FILE.indexOf("it\u2019s exact"), FILE.lastIndexOf("it\u2019s"));
    }

    @Test
    void should_not_normalise_quotes_dashes_spaces_or_case() {
        assertThat(QuoteFinder.find(ESSAYS, "It's a").found()).isFalse();
        assertThat(QuoteFinder.find(ESSAYS, "a \"quote\"").found()).isFalse();
        assertThat(QuoteFinder.find(ESSAYS, "\u201cquote\u201d - and").found()).isFalse();
        assertThat(QuoteFinder.find(ESSAYS, "\u201cquote\u201d  \u2014").found()).isFalse();
        assertThat(QuoteFinder.find(ESSAYS, "IT\u2019S A").found()).isFalse();
        assertThat(QuoteFinder.find(ESSAYS, "Title").found()).as("outside the essay's text").isFalse();
        assertThat(QuoteFinder.find(ESSAYS, "\u201cquote\u201d \u2014 and").found()).isTrue();
    }

    @Test
    void should_count_every_occurrence_but_list_at_most_twenty() {
        String body = "ab ".repeat(30);
        List<EssayText> essays = List.of(new EssayText(new EssayRecord("e", "t", false, "A", "today", null,
                List.of("g.txt"), "g.txt", 0, 1, null), body));

        QuoteCheck check = QuoteFinder.find(essays, "ab");

        assertThat(check.occurrences()).isEqualTo(30);
        assertThat(check.matches()).hasSize(QuoteFinder.MAX_MATCHES);
    }

    @Test
    void should_leave_out_an_essay_author_or_date_that_is_missing_rather_than_write_null() throws Exception {
        String json = new ObjectMapper().writeValueAsString(QuoteFinder.find(ESSAYS, "exact"));

        assertThat(json).contains("\"id\":\"e1\"").doesNotContain("author").doesNotContain("date")
                .doesNotContain("null");
    }
}

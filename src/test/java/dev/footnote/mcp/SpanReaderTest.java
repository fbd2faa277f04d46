package dev.footnote.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footnote.index.EssayRecord;
import dev.footnote.index.EssayText;
import dev.footnote.mcp.SpanReader.PassageSpan;
import io.quarkiverse.mcp.server.ToolCallException;

class SpanReaderTest {

    /** A file with a header, two essays and a footer between and after them. */
    private static final String FILE = "Header\n\nFirst essay, with an emoji \uD83D\uDE00 in it.\n\nFooter\n\n"
            + "Second essay.\n\nEnd";
    private static final String FIRST = "First essay, with an emoji \uD83D\uDE00 in it.";
    private static final String SECOND = "Second essay.";
    private static final List<EssayText> ESSAYS = List.of(essay("one", FIRST), essay("two", SECOND));

    @Test
    void should_return_the_span_of_the_file_and_the_essay_around_it() {
        int start = FILE.indexOf("with");
        int end = FILE.indexOf(" in it");

        PassageSpan span = SpanReader.read(ESSAYS, "f.txt", start, end);

        assertThat(span.text()).isEqualTo(FILE.substring(start, end)).isEqualTo("with an emoji \uD83D\uDE00");
        assertThat(span.essay().id()).isEqualTo("one");
        assertThat(span.essay().uri()).isEqualTo("footnote://essays/one");
        assertThat(span.before()).isEqualTo("First essay, "); // the essay's start, not the header
        assertThat(span.after()).isEqualTo(" in it.");
        assertThat(FILE.substring(span.contextStart(), span.contextEnd()))
                .isEqualTo(span.before() + span.text() + span.after());
        assertThat(FILE.substring(span.essayStart(), span.essayEnd())).isEqualTo(ESSAYS.get(0).body());
    }

    @Test
    void should_refuse_a_span_outside_the_essays_or_across_two_of_them() {
        refused(0, 6, "not within the text of one essay");
        refused(FILE.indexOf("Footer"), FILE.indexOf("Footer") + 6, "not within the text of one essay");
        int first = FILE.indexOf(FIRST);
        int second = FILE.indexOf(SECOND);
        refused(FILE.indexOf("in it"), second + 6, "essay text spans " + first + " to " + (first + FIRST.length())
                + ", " + second + " to " + (second + SECOND.length()));
        refused(FILE.length() - 2, FILE.length() + 10, "not within the text of one essay");
    }

    @Test
    void should_refuse_a_span_that_cuts_a_character_in_two() {
        int high = FILE.indexOf('\uD83D');
        refused(high + 1, high + 5, "cuts a character in two");
        refused(high - 3, high + 1, "cuts a character in two");
    }

    @Test
    void should_refuse_a_negative_empty_or_over_long_span() {
        refused(-1, 5, "\"start\" must be 0 or more, not -1");
        refused(12, 12, "is empty");
        refused(12, 3, "is empty");
        refused(0, SpanReader.MAX_SPAN + 1, "at most " + SpanReader.MAX_SPAN);
    }

    private static void refused(int start, int end, String message) {
        assertThatThrownBy(() -> SpanReader.read(ESSAYS, "f.txt", start, end))
                .isInstanceOf(ToolCallException.class).hasMessageContaining(message);
    }

    private static EssayText essay(String id, String body) {
        EssayRecord record = new EssayRecord(id, id, false, null, null, null, List.of("f.txt"), "f.txt",
                FILE.indexOf(body), 1, null);
        return new EssayText(record, body);
    }
}

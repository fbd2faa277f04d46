package dev.footnote.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.Citation;
import dev.footnote.web.ErrorResponse;
import dev.footnote.web.Problem;

/** The stream's text: markers numbered as the checked answer numbers them, and the checked answer last. */
class CompletionStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Citation FIRST = citation(1, 3, "First quote.");
    private static final Citation SECOND = citation(2, 1, "Second quote.");

    @Test
    void should_number_markers_in_order_of_first_use_even_when_a_marker_is_cut_between_pieces() {
        StreamedMarkers markers = new StreamedMarkers();
        markers.passages(5);

        String text = markers.accept("Quoted:\n“First quote.” [") + markers.accept("3")
                + markers.accept("]\n“Second") + markers.accept(" quote.” [1") + markers.accept(", 3, 9]")
                + markers.accept(" and [3]") + markers.flush();

        assertThat(text).isEqualTo("Quoted:\n“First quote.” [1]\n“Second quote.” [2][1] and [1]");
    }

    @Test
    void should_let_brackets_that_are_no_marker_through() {
        StreamedMarkers markers = new StreamedMarkers();

        assertThat(markers.accept("a [sic] b [")).isEqualTo("a [sic] b ");
        assertThat(markers.accept("x] c [2")).isEqualTo("[x] c ");
        // the draft ended in the middle of a marker: the rest is text
        assertThat(markers.flush()).isEqualTo("[2");
    }

    @Test
    void should_end_with_the_sources_and_the_citations_when_the_checked_answer_is_what_was_streamed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletionStream stream = new CompletionStream(out, JSON, "chatcmpl-1", 1, () -> false);
        stream.begin();
        stream.citations(List.of(SECOND, SECOND, FIRST));
        stream.token("Quoted:\n“First quote.” [3]");
        stream.token("\n“Second quote.” [1]");
        stream.finish(answer("Quoted:\n“First quote.” [1]\n“Second quote.” [2]"), true, false, 0, null);

        List<String> data = data(out);
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        assertThat(content(data)).isEqualTo("Quoted:\n“First quote.” [1]\n“Second quote.” [2]" + "\n\nSources:\n"
                + "[1] Title — Author, a.txt, characters 12–24: “First quote.”\n"
                + "[2] Title — Author, a.txt, characters 12–25: “Second quote.”");
        JsonNode finish = json(data.get(data.size() - 2));
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.path("citations")).hasSize(2);
        assertThat(finish.path("grounded").asBoolean()).isTrue();
    }

    @Test
    void should_follow_a_draft_that_the_check_changed_with_the_checked_answer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletionStream stream = new CompletionStream(out, JSON, "chatcmpl-1", 1, () -> false);
        stream.begin();
        stream.citations(List.of(SECOND, SECOND, FIRST));
        stream.token("First claim [3]. Second claim [2].");
        stream.finish(answer("First claim [1]. Second claim."), false, false, 0, null);

        assertThat(content(data(out))).isEqualTo("First claim [1]. Second claim [2].\n\n" + CompletionStream.CHECKED
                + "First claim [1]. Second claim.");
    }

    @Test
    void should_stop_writing_once_the_client_is_gone() {
        List<String> written = new ArrayList<>();
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                written.add("byte");
                throw new IOException("closed");
            }
        };
        CompletionStream stream = new CompletionStream(closed, JSON, "chatcmpl-1", 1, () -> false);
        assertThat(stream.abandoned()).isFalse();

        stream.begin();
        stream.token("more");

        assertThat(stream.abandoned()).isTrue();
        assertThat(written).hasSize(1);
        assertThat(new CompletionStream(closed, JSON, "chatcmpl-1", 1, () -> true).abandoned()).isTrue();
    }

    @Test
    void should_report_a_failure_as_an_error_event_that_openai_clients_raise() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletionStream stream = new CompletionStream(out, JSON, "chatcmpl-1", 1, () -> false);
        stream.begin();
        stream.fail(ErrorResponse.of(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "the index is away"), false));

        String[] events = out.toString(StandardCharsets.UTF_8).split("\n\n");
        assertThat(events).hasSize(2);
        assertThat(events[1]).startsWith("event: error\ndata: ");
        JsonNode error = json(events[1].substring("event: error\ndata: ".length()));
        assertThat(error.path("status").asInt()).isEqualTo(503);
        assertThat(error.path("detail").asText()).isEqualTo("the index is away");
        assertThat(error.path("error").path("message").asText()).isEqualTo("the index is away");
        assertThat(error.path("error").path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("error").path("code").asText()).isEqualTo("service_unavailable");
    }

    @Test
    void should_write_no_marker_of_its_own_in_the_sources() {
        Citation quoting = new Citation(1, 1, "As shown [2], and [3, 4]:\n  more.", "text", "b.txt", 0, 4, 0, 4,
                null, new Citation.CitedEssay("id", "On [1] notes", null, null));

        assertThat(SourcesFooter.of(List.of(quoting))).isEqualTo("\n\nSources:\n[1] On (1) notes — author unknown, "
                + "b.txt, characters 0–4: “As shown (2), and (3, 4): more.”");
        assertThat(SourcesFooter.of(List.of())).isEmpty();
    }

    private static ChatAnswer answer(String text) {
        List<Citation> citations = text.contains("[2]") ? List.of(FIRST, SECOND) : List.of(FIRST);
        return new ChatAnswer(null, text, true, "test", citations, "q", List.of());
    }

    private static Citation citation(int n, int rank, String quote) {
        return new Citation(n, rank, quote, "x " + quote, "a.txt", 10, 40, 10, 40, null,
                new Citation.CitedEssay("essay", "Title", "Author", null));
    }

    private static List<String> data(ByteArrayOutputStream out) {
        List<String> data = new ArrayList<>();
        for (String event : out.toString(StandardCharsets.UTF_8).split("\n\n")) {
            assertThat(event).startsWith("data: ");
            data.add(event.substring("data: ".length()));
        }
        return data;
    }

    private static String content(List<String> data) {
        StringBuilder content = new StringBuilder();
        for (String chunk : data.subList(0, data.size() - 1)) {
            JsonNode delta = json(chunk).path("choices").path(0).path("delta");
            content.append(delta.path("content").asText(""));
        }
        return content.toString();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

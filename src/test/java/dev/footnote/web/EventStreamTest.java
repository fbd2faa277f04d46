package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one writer of server-sent events: framing, line breaks in data, and a client that has gone. */
class EventStreamTest {

    @Test
    void should_frame_named_and_unnamed_events_and_split_data_at_line_breaks() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream events = new EventStream(out, new ObjectMapper());

        events.send("token", "Quoted from the essays:\n“Feed it daily.” [1]");
        events.send(null, "[DONE]");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                event: token
                data: Quoted from the essays:
                data: “Feed it daily.” [1]

                data: [DONE]

                """);
        assertThat(events.broken()).isFalse();
    }

    @Test
    void should_write_nothing_more_once_a_write_has_failed() {
        int[] writes = {0};
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writes[0]++;
                throw new IOException("connection reset");
            }
        };
        EventStream events = new EventStream(gone, new ObjectMapper());

        events.send("token", "one");
        events.send("token", "two");

        assertThat(events.broken()).isTrue();
        assertThat(writes[0]).isEqualTo(1);
    }
}

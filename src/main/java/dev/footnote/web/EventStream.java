package dev.footnote.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Server-sent events written to a response as they happen: the one way both streams ({@code /api/chat/stream}
 * and {@code /v1/chat/completions}) send. Each event is flushed at once; a line break in its data starts another
 * {@code data:} line, as the format requires. Once a write fails (the client has gone), nothing more is written
 * and {@link #broken()} says so, so that the answer being written for nobody can stop.
 */
public final class EventStream {

    private final OutputStream out;
    private final ObjectMapper json;
    private volatile boolean broken;

    public EventStream(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    /** A {@code 200 text/event-stream} response that is never cached, writing {@code events} as they come. */
    public static Response response(StreamingOutput events) {
        return Response.ok(events).type(MediaType.SERVER_SENT_EVENTS_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    /**
     * Sends one event, its data a string as it is or anything else as JSON; {@code name} {@code null} sends an
     * unnamed one, as OpenAI's chunks are.
     */
    public void send(String name, Object data) {
        if (broken) {
            return;
        }
        String text;
        try {
            text = data instanceof String string ? string : json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder event = new StringBuilder();
        if (name != null) {
            event.append("event: ").append(name).append('\n');
        }
        for (String line : text.split("\r\n|\r|\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        event.append('\n');
        try {
            out.write(event.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            broken = true;
        }
    }

    /** Whether a write has failed: the client is gone. */
    public boolean broken() {
        return broken;
    }
}

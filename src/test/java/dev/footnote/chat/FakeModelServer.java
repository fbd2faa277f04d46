package dev.footnote.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A model server on loopback that speaks the real wire protocols: OpenAI's {@code POST /v1/chat/completions}
 * (JSON, or server-sent events when {@code "stream": true}) and Ollama's {@code POST /api/chat} (JSON, or
 * newline-delimited JSON when streaming). It records every request and answers with a fixed reply, split
 * into a few chunks when streaming, or never answers at all when told to hang.
 */
final class FakeModelServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile String reply = "";
    private volatile String rewriteReply = "";
    private volatile boolean hang;
    private volatile boolean slow;
    private volatile boolean failing;
    private volatile boolean trickle;
    private final AtomicInteger streamsCutShort = new AtomicInteger();

    FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::openAi);
        server.createContext("/api/chat", this::ollama);
        server.start();
    }

    String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    String ollamaBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reply(String text) {
        this.reply = text;
    }

    /** The reply to requests that ask for a follow-up question to be rewritten. */
    void replyToRewrites(String text) {
        this.rewriteReply = text;
    }

    void hang() {
        this.hang = true;
    }

    /** Sends a reply's headers at once, then its body a byte every half second for a minute. */
    void trickle() {
        this.trickle = true;
    }

    /** Answers every request with a 500, as a server that fell over. */
    void fail() {
        this.failing = true;
    }

    /** Streams replies word by word, a fifth of a second apart, noticing a client that stops reading. */
    void streamSlowly() {
        this.slow = true;
    }

    /** Streamed replies whose client closed the connection before the last piece. */
    int streamsCutShort() {
        return streamsCutShort.get();
    }

    JsonNode lastRequest() {
        return requests.get(requests.size() - 1);
    }

    /** The reply for this request: rewrite requests get their own. */
    private String replyTo(JsonNode request) {
        return request.path("messages").toString().contains("Rewrite the last question") ? rewriteReply : reply;
    }

    private JsonNode read(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        if (failing) {
            byte[] body = "{\"error\": {\"message\": \"the model fell over\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(500, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            throw new IOException("answered with a 500");
        }
        if (hang) {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return request;
    }

    private void openAi(HttpExchange exchange) throws IOException {
        JsonNode request = read(exchange);
        String model = request.path("model").asText();
        String reply = replyTo(request);
        if (request.path("stream").asBoolean()) {
            List<String> events = new ArrayList<>();
            for (String chunk : chunks(reply)) {
                ObjectNode event = completion(model, "chat.completion.chunk");
                event.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", chunk);
                events.add("data: " + event + "\n\n");
            }
            ObjectNode last = completion(model, "chat.completion.chunk");
            last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
            events.add("data: " + last + "\n\ndata: [DONE]\n\n");
            stream(exchange, "text/event-stream", events);
        } else {
            ObjectNode body = completion(model, "chat.completion");
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", reply);
            body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
            send(exchange, "application/json", body.toString());
        }
    }

    private void ollama(HttpExchange exchange) throws IOException {
        JsonNode request = read(exchange);
        String model = request.path("model").asText();
        String reply = replyTo(request);
        if (request.path("stream").asBoolean(true)) {
            List<String> lines = new ArrayList<>();
            for (String chunk : chunks(reply)) {
                lines.add(ollamaMessage(model, chunk).put("done", false) + "\n");
            }
            lines.add(ollamaMessage(model, "").put("done", true).put("done_reason", "stop")
                    .put("prompt_eval_count", 10).put("eval_count", 5) + "\n");
            stream(exchange, "application/x-ndjson", lines);
        } else {
            send(exchange, "application/json", ollamaMessage(model, reply).put("done", true).put("done_reason", "stop")
                    .put("prompt_eval_count", 10).put("eval_count", 5).toString());
        }
    }

    private static ObjectNode completion(String model, String object) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        return node.put("id", "chatcmpl-fake").put("object", object).put("created", 1_700_000_000L).put("model", model);
    }

    private static ObjectNode ollamaMessage(String model, String content) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("model", model)
                .put("created_at", "2026-11-22T12:00:00Z");
        node.putObject("message").put("role", "assistant").put("content", content);
        return node;
    }

    /** The pieces of a streamed reply: all at once, or one by one when streaming slowly. */
    private void stream(HttpExchange exchange, String contentType, List<String> pieces) throws IOException {
        if (!slow) {
            send(exchange, contentType, String.join("", pieces));
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String piece : pieces) {
                out.write(piece.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException e) {
            streamsCutShort.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> chunks(String text) {
        if (slow) {
            return List.of(text.split("(?<= )"));
        }
        int third = Math.max(1, text.length() / 3);
        return List.of(text.substring(0, Math.min(third, text.length())),
                text.substring(Math.min(third, text.length()), Math.min(2 * third, text.length())),
                text.substring(Math.min(2 * third, text.length())));
    }

    private void send(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (trickle) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 120; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(500);
                }
                out.write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

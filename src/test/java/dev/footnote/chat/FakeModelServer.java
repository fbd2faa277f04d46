package dev.footnote.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

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
            StringBuilder events = new StringBuilder();
            for (String chunk : chunks(reply)) {
                ObjectNode event = completion(model, "chat.completion.chunk");
                event.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", chunk);
                events.append("data: ").append(event).append("\n\n");
            }
            ObjectNode last = completion(model, "chat.completion.chunk");
            last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
            events.append("data: ").append(last).append("\n\ndata: [DONE]\n\n");
            send(exchange, "text/event-stream", events.toString());
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
            StringBuilder lines = new StringBuilder();
            for (String chunk : chunks(reply)) {
                ObjectNode line = ollamaMessage(model, chunk).put("done", false);
                lines.append(line).append('\n');
            }
            lines.append(ollamaMessage(model, "").put("done", true).put("done_reason", "stop")
                    .put("prompt_eval_count", 10).put("eval_count", 5)).append('\n');
            send(exchange, "application/x-ndjson", lines.toString());
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

    private static List<String> chunks(String text) {
        int third = Math.max(1, text.length() / 3);
        return List.of(text.substring(0, Math.min(third, text.length())),
                text.substring(Math.min(third, text.length()), Math.min(2 * third, text.length())),
                text.substring(Math.min(2 * third, text.length())));
    }

    private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
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

package dev.footnote.rerank;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scoring server on loopback speaking the {@code POST /rerank} protocol of Cohere, Jina and vLLM. It
 * records each request with its {@code Authorization} header and answers with what the test's function
 * makes of the request: a status and a body.
 */
public final class FakeRerankServer implements AutoCloseable {

    public record Reply(int status, String body) {
    }

    public record Request(JsonNode body, String authorization) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Reply> replies;
    private volatile boolean hang;
    private volatile boolean trickle;

    public FakeRerankServer(Function<JsonNode, Reply> replies) throws IOException {
        this.replies = replies;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/rerank", this::rerank);
        server.start();
    }

    /** Scores each document by how many of the query's words it holds, listing results best first. */
    public static Reply sharedWords(JsonNode request) {
        List<String> words = List.of(request.path("query").asText().toLowerCase().split("\\W+"));
        StringBuilder results = new StringBuilder();
        JsonNode documents = request.path("documents");
        // listed in reverse, as servers sort by score and the client must map results back by index
        for (int i = documents.size() - 1; i >= 0; i--) {
            String text = documents.get(i).asText().toLowerCase();
            long shared = words.stream().filter(w -> !w.isEmpty() && text.contains(w)).count();
            results.append(results.isEmpty() ? "" : ",")
                    .append("{\"index\":").append(i).append(",\"relevance_score\":").append(shared).append('}');
        }
        return new Reply(200, "{\"id\":\"r1\",\"results\":[" + results + "]}");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<Request> requests() {
        return requests;
    }

    public void replyWith(Function<JsonNode, Reply> replies) {
        this.replies = replies;
    }

    public void hang() {
        this.hang = true;
    }

    /** Sends the headers at once, then the body a byte every tenth of a second for thirty seconds. */
    public void trickle() {
        this.trickle = true;
    }

    private void rerank(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.add(new Request(body, exchange.getRequestHeaders().getFirst("Authorization")));
            if (hang) {
                Thread.sleep(30_000);
            }
            Reply reply = replies.apply(body);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), trickle ? 0 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; trickle && i < 300; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(100);
                }
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

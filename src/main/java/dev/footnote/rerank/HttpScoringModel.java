package dev.footnote.rerank;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.scoring.ScoringModel;

/**
 * A cross-encoder behind HTTP, through the {@code /rerank} protocol that Cohere introduced and that Jina,
 * vLLM, Infinity, llama.cpp's server and LocalAI also speak:
 *
 * <pre>
 * POST {base-url}/rerank  {"model": "…", "query": "…", "documents": ["…", …], "top_n": n}
 * →  {"results": [{"index": 0, "relevance_score": 0.93}, …]}
 * </pre>
 *
 * Results may come in any order and are put back in the order of the documents. One request per search,
 * bounded by the timeout; no retries, so a user waits at most that long.
 */
public final class HttpScoringModel implements ScoringModel {

    private final HttpClient client;
    private final URI endpoint;
    private final Optional<String> model;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final ObjectMapper json;

    public HttpScoringModel(String baseUrl, Optional<String> model, Optional<String> apiKey, Duration timeout,
            ObjectMapper json) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/rerank");
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Response<List<Double>> scoreAll(List<TextSegment> segments, String query) {
        if (segments.isEmpty()) {
            return Response.from(List.of());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(segments, query)));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response = exchange(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new RerankException("the re-ranking server failed with status " + response.statusCode(), false,
                    null);
        }
        return Response.from(scores(response.body(), segments.size()));
    }

    /**
     * The whole exchange, body included, within the timeout: the request's own timeout covers only the wait for
     * the response's headers, so a server that trickles its body would otherwise hold the search.
     */
    private HttpResponse<String> exchange(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw timedOut(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timedOut(e.getCause());
            }
            throw new RerankException("the re-ranking server cannot be reached", false, e.getCause());
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new RerankException("re-ranking was interrupted", false, e);
        }
    }

    private RerankException timedOut(Throwable cause) {
        return new RerankException("the re-ranking server did not answer within " + timeout.toSeconds() + " s",
                true, cause);
    }

    private String body(List<TextSegment> segments, String query) {
        Map<String, Object> body = new LinkedHashMap<>();
        model.ifPresent(name -> body.put("model", name));
        body.put("query", query);
        body.put("documents", segments.stream().map(TextSegment::text).toList());
        body.put("top_n", segments.size());
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The score of every document, in the order they were sent; a document the server left out is an error. */
    private List<Double> scores(String body, int documents) {
        List<Double> scores = new ArrayList<>(Collections.nCopies(documents, (Double) null));
        try {
            for (JsonNode result : json.readTree(body).path("results")) {
                int index = result.path("index").asInt(-1);
                JsonNode score = result.path("relevance_score");
                if (index >= 0 && index < documents && score.isNumber()) {
                    scores.set(index, score.asDouble());
                }
            }
        } catch (IOException e) {
            throw new RerankException("the re-ranking server answered with something other than JSON", false, e);
        }
        if (scores.contains(null)) {
            throw new RerankException("the re-ranking server did not score every passage", false, null);
        }
        return scores;
    }
}

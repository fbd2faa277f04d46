package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.footnote.DatabaseProxy;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Connections that hold the server without asking anything are closed after the idle timeout (3 s in tests), but a
 * connection whose request takes longer than that to answer gets its answer.
 */
@QuarkusTest
class IdleConnectionsTest {

    @TestHTTPResource("/")
    URI server;

    @ConfigProperty(name = "quarkus.http.idle-timeout")
    Duration idleTimeout;

    private static final String PART_OF_A_HEAD = "GET /api/passages?q=chess HTTP/1.1\r\nHost: loc";
    private static final String NOTHING = "";
    private static final String A_BODY_THAT_STOPS = "POST /api/chat HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"question\": ";
    private static final String A_REQUEST_THEN_NOTHING = "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";

    /** The idle connections, opened together on first use so that their timeouts run out at the same time. */
    private static Map<String, Socket> idle;

    @AfterEach
    void resumeTheDatabase() {
        DatabaseProxy.running().resume();
    }

    @Test
    void should_close_a_connection_that_sent_part_of_a_request_head() throws IOException {
        try (Socket socket = idle(PART_OF_A_HEAD)) {
            assertThat(socket.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
        }
    }

    @Test
    void should_close_a_connection_that_never_sent_anything() throws IOException {
        try (Socket socket = idle(NOTHING)) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void should_close_a_connection_whose_request_body_stops() throws IOException {
        try (Socket socket = idle(A_BODY_THAT_STOPS)) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void should_close_a_keep_alive_connection_nobody_uses() throws IOException {
        try (Socket socket = idle(A_REQUEST_THEN_NOTHING)) {
            String answered = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answered).startsWith("HTTP/1.1 200").contains("UP");
        }
    }

    /**
     * The search waits for the database's 5 s bound, longer than the idle timeout, then answers 503: on a plain
     * HTTP/1.1 connection, and on one from a client that offers HTTP/2 over cleartext, as Java's own HTTP client
     * (and the OpenAI clients built on it) does by default, which stays HTTP/1.1. Both are asked at once.
     */
    @Test
    void should_keep_a_connection_whose_answer_takes_longer_than_the_idle_timeout() throws Exception {
        DatabaseProxy.running().stall();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        CompletableFuture<HttpResponse<String>> offeredHttp2 = client.sendAsync(HttpRequest.newBuilder(
                server.resolve("/api/passages?q=idle+upgraded+connections")).build(),
                HttpResponse.BodyHandlers.ofString());
        RawHttp.RawResponse plain = RawHttp.send(server, "GET /api/passages?q=idle+connections HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");
        assertThat(idleTimeout).isLessThan(Duration.ofSeconds(5));
        assertThat(plain.status()).isEqualTo(503);
        HttpResponse<String> upgraded = offeredHttp2.get(30, TimeUnit.SECONDS);
        assertThat(upgraded.statusCode()).isEqualTo(503);
        assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    private Socket idle(String head) throws IOException {
        if (idle == null) {
            Map<String, Socket> opened = new HashMap<>();
            for (String each : List.of(PART_OF_A_HEAD, NOTHING, A_BODY_THAT_STOPS, A_REQUEST_THEN_NOTHING)) {
                opened.put(each, open(each));
            }
            idle = opened;
        }
        return idle.get(head);
    }

    /** A connection that sent {@code head}; reads on it give up well after the idle timeout. */
    private Socket open(String head) throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout((int) idleTimeout.multipliedBy(5).toMillis());
        socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

}

package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.footnote.web.RawHttp.RawResponse;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests the HTTP server refuses before any resource sees them still get a problem with a detail. Sent over
 * a plain socket: an HTTP client library would refuse to send most of them.
 */
@QuarkusTest
class RequestLimitsTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void should_refuse_a_malformed_address_with_a_problem() throws IOException {
        for (String target : new String[] { "/api/passages?q=100%", "/api/passages?q=%zz", "/api/%zz",
                "/api/passages?q=a|b" }) {
            RawResponse response = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.problemDetail()).contains("not a valid URL", "%25");
        }
    }

    @Test
    void should_refuse_an_address_too_long_for_any_question_with_414() throws IOException {
        RawResponse response = send("GET /api/passages?q=" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.problemDetail()).contains("2000 characters");
    }

    @Test
    void should_accept_the_longest_question_in_any_script() throws IOException {
        for (String letter : new String[] { "é", "中", "😀" }) {
            String question = letter.repeat(2000 / letter.length());
            RawResponse response = send("GET /api/passages?k=1&q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(letter).isEqualTo(200);
        }
    }

    @Test
    void should_refuse_oversized_headers_with_431() throws IOException {
        RawResponse response = send("GET /api/passages?q=wiki HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Padding: "
                + "a".repeat(30_000) + "\r\n\r\n");
        assertThat(response.status()).isEqualTo(431);
        assertThat(response.problemDetail()).contains("headers");
    }

    @Test
    void should_refuse_a_declared_body_larger_than_the_api_takes_with_413() throws IOException {
        RawResponse response = send("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Content-Length: 10000000\r\n\r\n{\"question\": \"");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.problemDetail()).contains("2000 characters");
    }

    @Test
    void should_refuse_a_chunked_body_larger_than_the_api_takes_with_a_413_problem() throws IOException {
        for (String path : new String[] { "/api/chat", "/api/verify", "/v1/chat/completions", "/mcp" }) {
            String body = "{\"question\": \"" + "a".repeat(70_000) + "\"}";
            RawResponse response = send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                    + "application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body));
            assertThat(response.status()).as(path).isEqualTo(413);
            assertThat(response.problemDetail()).contains("larger than 64 KB");
        }
    }

    @Test
    void should_read_a_small_chunked_body() throws IOException {
        RawResponse response = send("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + chunked("{\"question\": \"What is centaur chess?\"}"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"citations\"");
    }

    @Test
    void should_ask_for_a_host_with_a_problem() throws IOException {
        RawResponse response = send("GET /api/essays HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemDetail()).contains("no valid Host header");
    }

    private static String chunked(String body) {
        return Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    private RawResponse send(String request) throws IOException {
        return RawHttp.send(server, request);
    }
}

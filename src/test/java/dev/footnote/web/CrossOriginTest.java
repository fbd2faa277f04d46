package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Only the page's own origin may call the API from a browser: no other site, and no rebound DNS name. */
@QuarkusTest
class CrossOriginTest {

    @TestHTTPResource("/")
    URL page;

    @TestHTTPResource("/")
    URI server;

    @Test
    void should_refuse_calls_from_another_site() {
        given().header("Origin", "http://elsewhere.example").queryParam("q", "centaur chess")
                .get("/api/passages").then().statusCode(403);
        given().header("Origin", "http://elsewhere.example").contentType(ContentType.JSON)
                .body("{\"question\": \"What is centaur chess?\"}").post("/api/chat").then().statusCode(403);
        given().header("Origin", "http://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options("/mcp").then().statusCode(403);
    }

    /** A page whose name was rebound to this server is same-origin with it; its Host still names the page's site. */
    @Test
    void should_refuse_a_rebound_name() throws IOException {
        for (String request : new String[] {
                "POST /api/chat HTTP/1.1\r\nHost: evil.example:" + page.getPort() + "\r\nOrigin: http://evil.example:"
                        + page.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: 15\r\n"
                        + "Connection: close\r\n\r\n{\"question\":\"x\"}",
                "GET /api/essays HTTP/1.1\r\nHost: evil.example:" + page.getPort() + "\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: 127.0.0.1.nip.io\r\nConnection: close\r\n\r\n" }) {
            RawHttp.RawResponse response = RawHttp.send(server, request);
            assertThat(response.status()).as(request).isEqualTo(403);
            assertThat(response.problemDetail()).contains("does not answer to the name", "footnote.http.hosts");
        }
    }

    @Test
    void should_answer_to_localhost_names_and_ip_addresses() throws IOException {
        for (String host : new String[] { "localhost", "127.0.0.1:" + page.getPort(), "[::1]:" + page.getPort(),
                "footnote.localhost" }) {
            RawHttp.RawResponse response = RawHttp.send(server, "GET /api/essays HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void should_answer_the_page_and_clients_that_are_not_browsers() {
        String origin = page.getProtocol() + "://" + page.getAuthority();
        given().header("Origin", origin).contentType(ContentType.JSON)
                .body("{\"question\": \"What is centaur chess?\"}").post("/api/chat").then().statusCode(200);
        given().queryParam("q", "centaur chess").get("/api/passages").then().statusCode(200);
    }
}

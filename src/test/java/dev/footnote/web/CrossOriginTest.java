package dev.footnote.web;

import static io.restassured.RestAssured.given;

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

    @Test
    void should_refuse_calls_from_another_site() {
        given().header("Origin", "http://elsewhere.example").queryParam("q", "centaur chess")
                .get("/api/passages").then().statusCode(403);
        given().header("Origin", "http://elsewhere.example").contentType(ContentType.JSON)
                .body("{\"question\": \"What is centaur chess?\"}").post("/api/chat").then().statusCode(403);
        given().header("Origin", "http://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options("/mcp").then().statusCode(403);
    }

    @Test
    void should_answer_the_page_and_clients_that_are_not_browsers() {
        String origin = page.getProtocol() + "://" + page.getAuthority();
        given().header("Origin", origin).contentType(ContentType.JSON)
                .body("{\"question\": \"What is centaur chess?\"}").post("/api/chat").then().statusCode(200);
        given().queryParam("q", "centaur chess").get("/api/passages").then().statusCode(200);
    }
}

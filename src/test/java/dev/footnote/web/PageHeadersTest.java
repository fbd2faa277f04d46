package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The page is served with a content security policy, without framing or sniffing, and revalidated. */
@QuarkusTest
class PageHeadersTest {

    @Test
    void should_serve_the_page_with_security_headers_and_no_long_lived_cache() {
        for (String path : new String[] {"/", "/index.html", "/app.js"}) {
            given().when().get(path)
                    .then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Cache-Control", equalTo("no-cache"));
        }
    }

    @Test
    void should_serve_the_page_icon_with_the_page_headers() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">"));
        // browsers that do not read the link, and tools, ask for /favicon.ico
        for (String[] icon : new String[][] {{"/favicon.svg", "image/svg+xml"}, {"/favicon.ico", "image/x-icon"}}) {
            given().when().get(icon[0])
                    .then().statusCode(200)
                    .contentType(startsWith(icon[1]))
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Cache-Control", equalTo("no-cache"));
        }
    }

    @Test
    void should_send_nosniff_on_the_api_too() {
        given().queryParam("q", "wiki").when().get("/api/passages")
                .then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"));
    }
}

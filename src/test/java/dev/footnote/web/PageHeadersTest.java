package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
    void should_send_nosniff_on_the_api_too() {
        given().queryParam("q", "wiki").when().get("/api/passages")
                .then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"));
    }
}

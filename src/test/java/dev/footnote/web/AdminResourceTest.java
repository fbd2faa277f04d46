package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AdminResourceTest {

    @Test
    void should_reindex_with_the_admin_token() {
        given().header("Authorization", "Bearer test-admin-token")
                .when().post("/api/admin/reindex")
                .then().statusCode(200)
                .body("added", equalTo(0))
                .body("removed", equalTo(0))
                .body("unchanged", greaterThan(40))
                .body("embedded", equalTo(0));
    }

    @Test
    void should_answer_401_without_or_with_a_wrong_token() {
        given().when().post("/api/admin/reindex")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("Bearer"));
        given().header("Authorization", "Bearer wrong")
                .when().post("/api/admin/reindex")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic dGVzdC1hZG1pbi10b2tlbg==")
                .when().post("/api/admin/reindex")
                .then().statusCode(401);
    }
}

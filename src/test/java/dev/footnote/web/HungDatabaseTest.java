package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.footnote.DatabaseProxy;
import dev.footnote.index.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * A database that stops answering (its host hung, a network partition) must not hold requests: they get a
 * 503 within the documented bound, readiness goes DOWN, and neither says where the database is.
 */
@QuarkusTest
class HungDatabaseTest {

    /** Far beyond the documented bound: a request still waiting then is hung with the database. */
    private static final RestAssuredConfig PATIENT_CLIENT = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 60_000));

    @Inject
    DataSource dataSource;

    @AfterEach
    void resumeTheDatabase() {
        DatabaseProxy.running().resume();
    }

    @Test
    void should_answer_503_when_the_database_hangs_and_serve_again_when_it_is_back() {
        given().queryParam("q", "power draw of a small AI workstation").when().get("/api/passages")
                .then().statusCode(200);

        DatabaseProxy.running().stall();
        // all three at once: each waits for the bound on its own
        CompletableFuture<Response> passagesAsked = CompletableFuture.supplyAsync(() -> given().config(PATIENT_CLIENT)
                .queryParam("q", "what does a hung database do").when().get("/api/passages"));
        CompletableFuture<Response> chatAsked = CompletableFuture.supplyAsync(() -> given().config(PATIENT_CLIENT)
                .contentType("application/json").body("{\"question\": \"how do centaurs play chess?\"}")
                .when().post("/api/chat"));
        CompletableFuture<Response> readinessAsked = CompletableFuture.supplyAsync(() -> given().config(PATIENT_CLIENT)
                .when().get("/q/health/ready"));
        Response passages = passagesAsked.join();
        Response chat = chatAsked.join();
        Response readiness = readinessAsked.join();
        DatabaseProxy.running().resume();

        for (Response problem : new Response[] { passages, chat }) {
            problem.then().statusCode(503).contentType(Problem.MEDIA_TYPE);
            assertThat(problem.jsonPath().getString("detail")).contains("not available");
        }
        readiness.then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.name", contains("passage index"));
        assertThat(readiness.asString()).doesNotContain("127.0.0.1", "localhost", "5432", "PSQL", "Exception");

        given().queryParam("q", "power draw of a small AI workstation").when().get("/api/passages")
                .then().statusCode(200);
    }

    /** A load balancer asks every few seconds: while the database is down, that is one warning a minute. */
    @Test
    void should_log_a_readiness_failure_once_a_minute_however_often_it_is_asked() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()
                        && String.valueOf(record.getMessage()).startsWith("Readiness")) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            DatabaseProxy.running().stall();
            List<CompletableFuture<Response>> asked = IntStream.range(0, 3).mapToObj(i -> CompletableFuture
                    .supplyAsync(() -> given().config(PATIENT_CLIENT).when().get("/q/health/ready"))).toList();
            asked.forEach(readiness -> readiness.join().then().statusCode(503));
        } finally {
            root.removeHandler(capture);
        }
        assertThat(warnings).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void should_give_a_connection_its_request_bound_back_after_a_long_reindex_statement() throws SQLException {
        int requestBound;
        try (Connection connection = dataSource.getConnection()) {
            requestBound = connection.getNetworkTimeout();
        }
        Sql.inTransaction(dataSource, Duration.ofMinutes(10), connection -> {
            assertThat(connection.getNetworkTimeout()).isEqualTo(600_000);
            return null;
        });
        // the pool hands the same thread its last connection back first
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(requestBound).isEqualTo(5_000);
        }
    }
}

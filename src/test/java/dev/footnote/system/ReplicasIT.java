package dev.footnote.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.DatabaseServer;
import dev.footnote.PackagedApp;
import dev.footnote.TestCorpus;

/**
 * Footnote scaled out as its README describes, with the packaged application: two {@code serve} processes on one
 * database, as replicas behind a load balancer are, and a third whose searches read a replica of the database
 * ({@code footnote.search.datasource}). The replica here is a copy of the database taken before an essay changed,
 * standing for a streaming replica that has not replayed the change yet, so that which database a search read
 * shows in its answer. The primary serves the changed essay ({@code after}) before and after each test.
 */
class ReplicasIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String PRIMARY = "footnote_it_replicas";
    private static final String REPLICA = "footnote_it_replicas_copy";
    private static final String TOKEN = "replicas-admin-token";
    private static final String FILE = TestCorpus.CATEGORY;
    private static final String QUESTION = "useful insight from Stanford about reasoning behaviors";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path corpus;

    @TempDir
    static Path logs;

    static DatabaseServer database;
    static PackagedApp reindexing;
    static PackagedApp serving;
    static PackagedApp readingReplica;
    static String before;
    static String after;

    @BeforeAll
    static void startThreeServers() throws Exception {
        database = DatabaseServer.ofCheckout();
        database.recreate(PRIMARY);
        before = TestCorpus.read(FILE);
        after = "Category: Added above\n\n" + before.replace("Very useful insight in this paper out of Stanford.",
                "A very useful insight, written again, from Stanford.");
        assertThat(after).isNotEqualTo(before);
        Files.writeString(corpus.resolve(FILE), before);
        Files.writeString(corpus.resolve(TestCorpus.FEED_1), TestCorpus.read(TestCorpus.FEED_1));

        Map<String, String> primary = new HashMap<>(database.environment(PRIMARY));
        primary.put("FOOTNOTE_CORPUS_DIR", corpus.toString());
        PackagedApp.run(JAR, primary, logs.resolve("reindex.log"), "reindex");
        database.copy(PRIMARY, REPLICA);
        Files.writeString(corpus.resolve(FILE), after);
        PackagedApp.run(JAR, primary, logs.resolve("reindex.log"), "reindex");

        Map<String, String> withToken = new HashMap<>(primary);
        withToken.put("FOOTNOTE_ADMIN_TOKEN", TOKEN);
        reindexing = PackagedApp.serve(JAR, withToken, logs.resolve("reindexing.log"));
        serving = PackagedApp.serve(JAR, primary, logs.resolve("serving.log"));
        Map<String, String> withReplica = new HashMap<>(primary);
        withReplica.put("FOOTNOTE_SEARCH_DATASOURCE", database.urlOf(REPLICA));
        readingReplica = PackagedApp.serve(JAR, withReplica, logs.resolve("replica.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (PackagedApp app : new PackagedApp[] {reindexing, serving, readingReplica}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void should_answer_alike_from_two_servers_and_from_whole_versions_while_one_of_them_reindexes()
            throws Exception {
        assertThat(passages(serving)).isEqualTo(passages(reindexing));

        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Integer> reindexes = CompletableFuture.supplyAsync(() -> {
            int runs = 0;
            try {
                for (; runs < 4; runs++) {
                    Files.writeString(corpus.resolve(FILE), runs % 2 == 0 ? before : after);
                    HttpResponse<String> reindexed = HTTP.send(HttpRequest.newBuilder(
                            URI.create(reindexing.base() + "/api/admin/reindex"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(reindexed.statusCode()).as(reindexed.body()).isEqualTo(200);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                done.set(true);
            }
            return runs;
        });
        int searches = 0;
        while (!done.get() || searches == 0) {
            JsonNode found = passages(serving);
            assertThat(found).isNotEmpty();
            for (JsonNode passage : found) {
                if (passage.get("source").asText().endsWith(FILE)) {
                    assertThat(isExactSpanOf(before, passage) || isExactSpanOf(after, passage))
                            .as("an exact span of one version, with its digest: %s", passage).isTrue();
                }
            }
            searches++;
        }
        assertThat(reindexes.get(5, TimeUnit.MINUTES)).isEqualTo(4);
        assertThat(searches).isPositive();

        JsonNode afterReindexing = passages(serving);
        assertThat(afterReindexing).isEqualTo(passages(reindexing));
        assertThat(afterReindexing).anySatisfy(passage -> assertThat(isExactSpanOf(after, passage)).isTrue());
    }

    @Test
    void should_search_the_replica_when_one_is_configured_and_be_unready_without_it() throws Exception {
        assertThat(readiness(readingReplica).path("checks").get(0).path("data").path("searches").asText())
                .isEqualTo("replica");
        assertThat(readiness(serving).path("checks").get(0).path("data").path("searches").asText())
                .isEqualTo("primary");
        JsonNode fromReplica = passages(readingReplica);
        assertThat(fromReplica).isNotEmpty().allSatisfy(passage -> {
            if (passage.get("source").asText().endsWith(FILE)) {
                assertThat(isExactSpanOf(before, passage)).as("the replica's version: %s", passage).isTrue();
            }
        });
        assertThat(fromReplica).anySatisfy(passage -> assertThat(passage.get("source").asText()).endsWith(FILE));
        assertThat(passages(serving)).as("the primary's version").anySatisfy(passage ->
                assertThat(isExactSpanOf(after, passage)).isTrue());

        database.drop(REPLICA);
        HttpResponse<String> unready = get(readingReplica, "/q/health/ready");
        assertThat(unready.statusCode()).isEqualTo(503);
        assertThat(unready.body()).contains("the search replica is not reachable").doesNotContain(REPLICA);
        HttpResponse<String> search = get(readingReplica, "/api/passages?q=stanford");
        assertThat(search.statusCode()).isEqualTo(503);
        assertThat(search.body()).contains("\"detail\"").doesNotContain(REPLICA, "5543");
        assertThat(get(readingReplica, "/api/essays").statusCode()).as("the primary still serves").isEqualTo(200);
    }

    private static boolean isExactSpanOf(String file, JsonNode passage) {
        int start = passage.get("start").asInt();
        int end = passage.get("end").asInt();
        return end <= file.length() && file.substring(start, end).equals(passage.get("text").asText())
                && passage.get("sha256").asText().equals(sha256(file));
    }

    private static JsonNode readiness(PackagedApp app) throws Exception {
        return JSON.readTree(get(app, "/q/health/ready").body());
    }

    private static HttpResponse<String> get(PackagedApp app, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode passages(PackagedApp app) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/passages?k=5&q="
                + URLEncoder.encode(QUESTION, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("passages");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

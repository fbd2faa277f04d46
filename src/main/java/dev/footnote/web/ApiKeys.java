package dev.footnote.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.text.Hashes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Asks for one of the {@code footnote.api.keys} as a bearer token on {@code /api/*}, {@code /v1/*} and
 * {@code /mcp}, when keys are configured. Keys are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, against every key, so that the time taken tells nothing about how much of a key was
 * right. The admin endpoints keep their own token, and health, metrics, the API description and the page stay
 * open.
 */
@ApplicationScoped
class ApiKeys {

    static final String REALM = "Bearer realm=\"footnote\"";

    private static final Problem MISSING = Problem.of(401, "Unauthorized",
            "this Footnote asks for an API key: send it as Authorization: Bearer <key>");
    private static final Problem WRONG = Problem.of(401, "Unauthorized",
            "the API key is not one of this Footnote's keys");

    private final List<byte[]> keyDigests;
    private final ObjectMapper json;

    ApiKeys(FootnoteConfig config, ObjectMapper json) {
        this.keyDigests = config.api().keys().orElse(List.of()).stream().map(String::strip)
                .filter(key -> !key.isEmpty()).map(ApiKeys::digest).toList();
        this.json = json;
    }

    void install(@Observes Router router) {
        if (!keyDigests.isEmpty()) {
            // after RequestLimits, before every resource
            router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        if (!isProtected(context.normalizedPath())) {
            context.next();
            return;
        }
        Optional<String> key = bearer(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (key.isPresent() && accepts(key.get())) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", REALM);
        RouteProblems.send(context, key.isPresent() ? WRONG : MISSING, json);
    }

    /** Whether a path needs a key: the API, the OpenAI-compatible API and MCP, but not the admin endpoints. */
    static boolean isProtected(String path) {
        String normalized = path.replaceAll("/{2,}", "/");
        if (normalized.startsWith("/api/admin/") || normalized.equals("/api/admin")) {
            return false;
        }
        return under(normalized, "/api") || under(normalized, "/v1") || under(normalized, "/mcp");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = authorization.substring(7).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** Compares with every key, without stopping at a match. */
    private boolean accepts(String key) {
        byte[] digest = digest(key);
        boolean accepted = false;
        for (byte[] known : keyDigests) {
            accepted |= MessageDigest.isEqual(known, digest);
        }
        return accepted;
    }

    private static byte[] digest(String key) {
        return Hashes.sha256Bytes(key.getBytes(StandardCharsets.UTF_8));
    }
}

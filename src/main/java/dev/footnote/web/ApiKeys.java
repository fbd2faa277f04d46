package dev.footnote.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.config.FootnoteConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Asks for one of the {@code footnote.api.keys} as a bearer token on {@code /api/*}, {@code /v1/*} and
 * {@code /mcp}, when keys are configured ({@link BearerKeys}). The admin endpoints keep their own token, and
 * health, metrics, the API description and the page stay open.
 */
@ApplicationScoped
class ApiKeys {

    static final String REALM = "Bearer realm=\"footnote\"";

    private static final Problem MISSING = Problem.of(401, "Unauthorized",
            "this Footnote asks for an API key: send it as Authorization: Bearer <key>");
    private static final Problem WRONG = Problem.of(401, "Unauthorized",
            "the API key is not one of this Footnote's keys");

    private final BearerKeys keys;
    private final ObjectMapper json;

    ApiKeys(FootnoteConfig config, ObjectMapper json) {
        this.keys = new BearerKeys(config.api().keys().orElse(List.of()));
        this.json = json;
    }

    void install(@Observes Router router) {
        if (!keys.isEmpty()) {
            router.route().order(FilterOrder.KEYS).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        if (!isProtected(context.normalizedPath())) {
            context.next();
            return;
        }
        Optional<String> key = BearerKeys.presented(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (key.isPresent() && keys.accepts(key.get())) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", REALM);
        RouteProblems.send(context, key.isPresent() ? WRONG : MISSING, json);
    }

    /**
     * Whether a path needs a key: the API, the OpenAI-compatible API and MCP, but not the admin endpoints. The
     * router's normalised path is matched without regard to case, so that no spelling of a protected path the
     * router might still route slips through; path parameters and encoded slashes never reach here
     * ({@link RequestLimits}).
     */
    static boolean isProtected(String path) {
        String normalized = path.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        if (normalized.startsWith("/api/admin/") || normalized.equals("/api/admin")) {
            return false;
        }
        return under(normalized, "/api") || under(normalized, "/v1") || under(normalized, "/mcp");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}

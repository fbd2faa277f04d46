package dev.footnote.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.config.FootnoteConfig;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves a request only when its {@code Host} is a name this Footnote answers to: an IP address, {@code localhost}
 * or a name under it, or one of {@code footnote.http.hosts}.
 * <p>
 * This is what stops DNS rebinding: a page on {@code evil.example} whose name is rebound to this server's address
 * is same-origin with it in the visitor's browser, so the cross-origin check lets its requests through; their
 * {@code Host} still says {@code evil.example}. An IP address cannot be rebound, so it is always served.
 */
@ApplicationScoped
class HostCheck {

    static final Problem MISSING = Problem.of(400, "Bad Request",
            "the request has no valid Host header; HTTP/1.1 asks for one");

    private final Set<String> hosts;
    private final boolean anyHost;
    private final ObjectMapper json;

    HostCheck(FootnoteConfig config, ObjectMapper json) {
        List<String> configured = config.http().hosts().orElse(List.of());
        this.hosts = configured.stream().map(String::strip).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.anyHost = hosts.contains("*");
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(FilterOrder.HOST).handler(this::check);
    }

    private void check(RoutingContext context) {
        // the Host header in HTTP/1.1, the :authority pseudo-header in HTTP/2
        HostAndPort authority = context.request().authority();
        if (authority == null || authority.host() == null || authority.host().isBlank()) {
            RouteProblems.send(context, MISSING, json);
            return;
        }
        String name = name(authority.host());
        if (anyHost || served(name, hosts)) {
            context.next();
        } else {
            RouteProblems.send(context, Problem.of(403, "Forbidden", "this Footnote does not answer to the name \""
                    + shown(name) + "\"; to serve it under that name, add it to footnote.http.hosts "
                    + "(FOOTNOTE_HTTP_HOSTS)"), json);
        }
    }

    /** A name as an error detail may repeat it: printable ASCII, at most 100 characters. */
    private static String shown(String name) {
        String printable = name.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "…" : printable;
    }

    /** A host as names are compared: an IPv6 address without its brackets, lower case. */
    static String name(String host) {
        String trimmed = host.strip().toLowerCase(Locale.ROOT);
        return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }

    static boolean served(String name, Set<String> configured) {
        return name.equals("localhost") || name.endsWith(".localhost") || isIpAddress(name)
                || configured.contains(name);
    }

    /** A literal IPv4 or IPv6 address, which no DNS answer can point elsewhere. */
    static boolean isIpAddress(String name) {
        if (name.contains(":")) {
            return name.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%');
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}

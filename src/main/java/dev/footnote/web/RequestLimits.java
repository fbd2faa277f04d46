package dev.footnote.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.search.PassageQuery;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses requests that break the API's size and encoding limits before anything reads them, with a problem
 * like every other error. A body without a declared length (chunked) is read here up to the limit. The HTTP
 * server's own limits ({@code quarkus.http.limits.*}) sit above these, as a last line that can only answer with an
 * empty body: a request line or headers over 64 KB, a chunked body over 1 MB, and requests its HTTP codec cannot
 * parse (a malformed or contradictory Content-Length), which Quarkus gives an application no hook to answer.
 */
@ApplicationScoped
public class RequestLimits {

    /** A request line that fits {@code q} of 2000 characters, each up to nine once percent-encoded. */
    static final int MAX_REQUEST_LINE = 32 * 1024;
    static final int MAX_HEADERS = 20 * 1024;
    /** A chat request: 2000 characters of question, a conversation id and {@code k}, however escaped. */
    public static final int MAX_BODY = 64 * 1024;

    private static final Problem MALFORMED_ADDRESS = Problem.of(400, "Bad Request", "the address is not a valid "
            + "URL: percent-encode spaces and symbols in parameters, and write a literal '%' as %25");

    private static final Problem PATH_PARAMETERS = Problem.of(400, "Bad Request", "the address has a path "
            + "parameter (';'): Footnote's paths take none; put parameters after '?'");
    private static final Problem ENCODED_SEPARATOR = Problem.of(400, "Bad Request", "the address has an encoded "
            + "'/' or '\\' (%2F, %5C) in its path: write the path with plain '/'");

    private static final Problem UNREADABLE = Problem.of(400, "Bad Request", "the request could not be read");

    private final ObjectMapper json;
    private final BodyHandler chunkedBody = BodyHandler.create(false).setBodyLimit(MAX_BODY);

    RequestLimits(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(FilterOrder.LIMITS).handler(this::check).failureHandler(this::refused);
        // what the router itself refuses before any route runs: an address it cannot decode
        router.errorHandler(400, context -> refuse(context, wellFormed(context.request().uri()) ? UNREADABLE
                : MALFORMED_ADDRESS));
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = rawPath(request.uri());
        if (request.uri().length() > MAX_REQUEST_LINE) {
            refuse(context, Problem.of(414, "URI Too Long", "the address is longer than "
                    + MAX_REQUEST_LINE / 1024 + " KB; a question is at most " + PassageQuery.MAX_TEXT_LENGTH
                    + " characters"));
        } else if (headerBytes(request) > MAX_HEADERS) {
            refuse(context, Problem.of(431, "Request Header Fields Too Large",
                    "the request headers are larger than " + MAX_HEADERS / 1024 + " KB"));
        } else if (declaredBodyLength(request) > MAX_BODY) {
            refuse(context, tooLarge());
        } else if (!wellFormed(request.uri())) {
            refuse(context, MALFORMED_ADDRESS);
        } else if (path.indexOf(';') >= 0) {
            refuse(context, PATH_PARAMETERS);
        } else if (hasEncodedSeparator(path)) {
            refuse(context, ENCODED_SEPARATOR);
        } else if (isChunked(request)) {
            // read here, so that a body past the limit fails the route (413 below), not the server's own limit
            chunkedBody.handle(context);
        } else {
            context.next();
        }
    }

    /**
     * What the router refuses itself with a bare status: a chunked body that grew past the limit while it was read
     * (413), and an HTTP/1.1 request without a Host (400), which never reaches {@link HostCheck}.
     */
    private void refused(RoutingContext context) {
        if (context.statusCode() == 413) {
            refuse(context, tooLarge());
        } else if (context.statusCode() == 400 && context.request().authority() == null) {
            refuse(context, HostCheck.MISSING);
        } else {
            context.next();
        }
    }

    private static Problem tooLarge() {
        return Problem.of(413, "Content Too Large", "the request body is larger than " + MAX_BODY / 1024
                + " KB; a question is at most " + PassageQuery.MAX_TEXT_LENGTH + " characters");
    }

    private static boolean isChunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (var header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static long declaredBodyLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // the server itself refuses a malformed length
        }
    }

    /**
     * The path as the client sent it, before the router's normalisation. Path parameters and encoded separators
     * are refused here, ahead of the key check, because the router and the resources read them differently from
     * a plain prefix match: {@code /api;x/essays} routes to {@code /api/essays}.
     */
    static String rawPath(String uri) {
        int query = uri.indexOf('?');
        int fragment = uri.indexOf('#');
        int end = query >= 0 ? query : fragment >= 0 ? fragment : uri.length();
        return uri.substring(0, end);
    }

    static boolean hasEncodedSeparator(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.contains("%2f") || lower.contains("%5c");
    }

    /**
     * What the server's own URI check would refuse with an empty 400; FootnoteMain (and the test set-up) switch that
     * check off with {@code vertx.disableURIValidation}, so that this one answers instead.
     */
    private static boolean wellFormed(String uri) {
        try {
            new URI(uri);
            QueryStringDecoder.decodeComponent(uri);
            return true;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private void refuse(RoutingContext context, Problem problem) {
        RouteProblems.send(context, problem, json);
    }
}

package dev.footnote.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads a JSON request body strictly, the same way for every endpoint that takes one: it must be declared
 * {@code application/json} (a form or a text/plain post from another site cannot ask anything), be one JSON
 * object with nothing after it, and name no key twice.
 */
public final class JsonBodies {

    private final ObjectReader strict;

    public JsonBodies(ObjectMapper json) {
        this.strict = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * The body as a JSON object.
     *
     * @param expected what the body must be, for the messages: {@code a JSON object with a "question"}
     * @throws ProblemException 415 without {@code application/json}, 400 for anything but one JSON object
     */
    public JsonNode readObject(String contentType, String body, String expected) {
        if (!isJson(contentType)) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "send the request body as application/json");
        }
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("the request body must be " + expected);
        }
        JsonNode root;
        try {
            root = strict.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.badRequest("the request body must be " + expected);
        }
        return root;
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

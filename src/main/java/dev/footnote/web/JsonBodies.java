package dev.footnote.web;

import java.util.function.UnaryOperator;

import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.text.StrictJson;

/**
 * Reads a JSON request body strictly, the same way for every endpoint that takes one: it must be declared
 * {@code application/json} (a form or a text/plain post from another site cannot ask anything), be one JSON
 * object with nothing after it, and name no key twice. A body read into a request record ({@link #read}) takes
 * each value only in its own JSON type ({@code "5"} is not a number, {@code 5.0} not a whole number, {@code 5}
 * not a string) and is then checked against the record's Bean Validation constraints; every failure is a 400
 * whose detail names the field as the request spells it.
 */
public final class JsonBodies {

    private final StrictJson binding;

    public JsonBodies(ObjectMapper json) {
        this.binding = new StrictJson(json);
    }

    /**
     * The body bound to the request record {@code type} ({@link StrictJson}) and checked against its constraints.
     *
     * @param expected what the body must be, for the messages: {@code a JSON object with a "question"}
     * @throws ProblemException 415 without {@code application/json}, 400 for anything else amiss
     */
    public <T> T read(String contentType, String body, Class<T> type, String expected, Validator validator) {
        return read(contentType, body, type, expected, validator, field -> "\"" + field + "\"");
    }

    /** As {@link #read(String, String, Class, String, Validator)}, with fields named by {@code naming}. */
    public <T> T read(String contentType, String body, Class<T> type, String expected, Validator validator,
            UnaryOperator<String> naming) {
        requireJson(contentType);
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("the request body must be " + expected);
        }
        try {
            return binding.bind(body, type, validator, "the request body", expected, naming);
        } catch (StrictJson.InvalidJsonException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    /** @throws ProblemException 415 unless {@code contentType} is {@code application/json} */
    public static void requireJson(String contentType) {
        if (!isJson(contentType)) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "send the request body as application/json");
        }
    }

    /** One JSON document, strictly: nothing after it, no key twice in an object. */
    public JsonNode readTree(String body) throws JsonProcessingException {
        return binding.readTree(body);
    }

    /** What is wrong with a JSON text, in words for its writer: no class or feature names, and where it is. */
    public static String describe(JsonProcessingException failure) {
        return StrictJson.describe(failure);
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

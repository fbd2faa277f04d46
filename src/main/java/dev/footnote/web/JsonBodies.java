package dev.footnote.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads a JSON request body strictly, the same way for every endpoint that takes one: it must be declared
 * {@code application/json} (a form or a text/plain post from another site cannot ask anything), be one JSON
 * object with nothing after it, and name no key twice. A body read into a request record ({@link #read}) takes
 * each value only in its own JSON type ({@code "5"} is not a number, {@code 5.0} not a whole number, {@code 5}
 * not a string) and is then checked against the record's Bean Validation constraints; every failure is a 400
 * whose detail names the field as the request spells it.
 */
public final class JsonBodies {

    private final ObjectReader strict;
    private final ObjectMapper binding;

    public JsonBodies(ObjectMapper json) {
        this.strict = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.binding = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            binding.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            binding.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * The body bound to the request record {@code type} and checked against its constraints.
     *
     * @param expected what the body must be, for the messages: {@code a JSON object with a "question"}
     * @throws ProblemException 415 without {@code application/json}, 400 for anything else amiss
     */
    public <T> T read(String contentType, String body, Class<T> type, String expected, Validator validator) {
        requireJson(contentType);
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("the request body must be " + expected);
        }
        T request;
        try {
            request = binding.readValue(body, type);
        } catch (MismatchedInputException e) {
            throw ProblemException.badRequest(mismatch(e, expected));
        } catch (JsonMappingException e) {
            // a number too large for its field; anything else that cannot be bound is named by what was expected,
            // as the binder's own message names Java types
            throw ProblemException.badRequest(e.getCause() instanceof InputCoercionException && !e.getPath().isEmpty()
                    ? fieldOf(e) + " must be a whole number" : "the request body must be " + expected);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the request body is not valid JSON: " + describe(e));
        }
        if (request == null) {
            throw ProblemException.badRequest("the request body must be " + expected);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations.stream()
                    .map(v -> "\"" + v.getPropertyPath() + "\" " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** A value of the wrong JSON type, or a body that is not one object: what was expected, in the body's words. */
    private static String mismatch(MismatchedInputException e, String expected) {
        if (e.getPath().isEmpty()) {
            return e.getOriginalMessage().startsWith("Trailing token")
                    ? "the request body is not valid JSON: " + describe(e)
                    : "the request body must be " + expected;
        }
        String field = fieldOf(e);
        Class<?> target = e.getTargetType();
        String kind = target == null ? "another kind of value"
                : CharSequence.class.isAssignableFrom(target) ? "a string"
                : Number.class.isAssignableFrom(target) || target == int.class || target == long.class
                        ? "a whole number"
                : target == Boolean.class || target == boolean.class ? "true or false"
                : Collection.class.isAssignableFrom(target) || target.isArray() ? "an array"
                : "a JSON object";
        return field + " must be " + kind;
    }

    /** The field a binding failure happened in, quoted as the body spells it. */
    private static String fieldOf(JsonMappingException e) {
        return "\"" + e.getPath().get(e.getPath().size() - 1).getFieldName() + "\"";
    }

    /**
     * The body as a JSON object.
     *
     * @param expected what the body must be, for the messages: {@code a JSON object with a "question"}
     * @throws ProblemException 415 without {@code application/json}, 400 for anything but one JSON object
     */
    public JsonNode readObject(String contentType, String body, String expected) {
        requireJson(contentType);
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("the request body must be " + expected);
        }
        JsonNode root;
        try {
            root = readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the request body is not valid JSON: " + describe(e));
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.badRequest("the request body must be " + expected);
        }
        return root;
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
        return strict.readTree(body);
    }

    /** What is wrong with a JSON text, in words for its writer: no class or feature names, and where it is. */
    public static String describe(JsonProcessingException failure) {
        String what = failure instanceof MismatchedInputException
                ? "there is more after the first JSON value; send exactly one"
                : failure.getOriginalMessage();
        JsonLocation where = failure.getLocation();
        return where == null || where.getLineNr() < 0 ? what
                : what + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

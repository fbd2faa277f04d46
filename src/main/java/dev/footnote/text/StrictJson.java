package dev.footnote.text;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Binds JSON to a record strictly, the same way wherever Footnote reads JSON it is sent: one value with nothing
 * after it, no key twice, and each value only in its own JSON type ({@code "5"} is not a number, {@code 5.0} not a
 * whole number, {@code 5} not a string); then checks the record's Bean Validation constraints. Every failure is an
 * {@link InvalidJsonException} whose message names the field as the JSON spells it, never a Java type.
 */
public final class StrictJson {

    private final ObjectMapper binding;

    public StrictJson(ObjectMapper json) {
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
        for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.Float)) {
            binding.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * A value a field's own deserializer refuses (a message's content that is neither a string nor parts): the
     * binder names the field in front of what it must be.
     */
    public static final class ValueMismatch extends MismatchedInputException {

        private final String mustBe;

        public ValueMismatch(JsonParser parser, String mustBe) {
            super(parser, "must be " + mustBe);
            this.mustBe = mustBe;
        }
    }

    /** A JSON text that could not be bound, or whose values break the record's constraints. */
    public static final class InvalidJsonException extends RuntimeException {

        public InvalidJsonException(String message) {
            super(message);
        }
    }

    /**
     * {@code text} bound to {@code type} and checked against its constraints.
     *
     * @param what     names the text in a message when it is not JSON at all ("the request body", a file name)
     * @param expected what the text must be, for the message when it is another JSON value ({@code a JSON object
     *                 with a "question"})
     * @param naming   turns a field's path ({@code k}, {@code citations[0].start}) into its name in a message
     *                 ({@code "k"}, {@code citation 1: "start"})
     */
    public <T> T bind(String text, Class<T> type, Validator validator, String what, String expected,
            UnaryOperator<String> naming) {
        JsonNode tree;
        try {
            // the whole text is read as JSON first, so that text that is not JSON is told so before any field is
            tree = readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(what + " is not valid JSON: " + describe(e));
        }
        T bound;
        try {
            bound = binding.treeToValue(tree, type);
        } catch (MismatchedInputException e) {
            throw new InvalidJsonException(mismatch(e, what, expected, naming));
        } catch (JsonMappingException e) {
            // a number too large for its field; anything else that cannot be bound is named by what was expected,
            // as the binder's own message names Java types
            throw new InvalidJsonException(e.getCause() instanceof InputCoercionException && !e.getPath().isEmpty()
                    ? naming.apply(path(e)) + " must be a whole number" : what + " must be " + expected);
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(what + " is not valid JSON: " + describe(e));
        }
        if (bound == null) {
            throw new InvalidJsonException(what + " must be " + expected);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(bound);
        if (!violations.isEmpty()) {
            throw new InvalidJsonException(violations.stream()
                    .map(v -> naming.apply(v.getPropertyPath().toString()) + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        return bound;
    }

    /** One JSON value, strictly: nothing after it, no key twice in an object. */
    public JsonNode readTree(String text) throws JsonProcessingException {
        return binding.readTree(text);
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

    /** A value of the wrong JSON type, or JSON that is not the value expected. */
    private static String mismatch(MismatchedInputException e, String what, String expected,
            UnaryOperator<String> naming) {
        if (e.getPath().isEmpty()) {
            return what + " must be " + expected;
        }
        if (e instanceof ValueMismatch value) {
            return naming.apply(path(e)) + " must be " + value.mustBe;
        }
        Class<?> target = e.getTargetType();
        String kind = target == null ? "another kind of value"
                : CharSequence.class.isAssignableFrom(target) ? "a string"
                : Number.class.isAssignableFrom(target) || target == int.class || target == long.class
                        ? "a whole number"
                : target == Boolean.class || target == boolean.class ? "true or false"
                : Collection.class.isAssignableFrom(target) || target.isArray() ? "an array"
                : "a JSON object";
        return naming.apply(path(e)) + " must be " + kind;
    }

    /** The failure's place as Bean Validation writes a property path: {@code citations[0].start}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

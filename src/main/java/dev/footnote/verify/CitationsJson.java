package dev.footnote.verify;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.footnote.text.JsonValues;

/**
 * Reads the citations to check from JSON as Footnote hands it out: a saved chat answer ({@code POST /api/chat},
 * {@code /v1/chat/completions}), any object with a {@code citations} array, or the array alone.
 */
public final class CitationsJson {

    private CitationsJson() {
    }

    /**
     * Parses {@code text} strictly (nothing may follow the JSON value, no key twice) and reads its citations.
     *
     * @param what names the text in the message when it does not parse ("the request body", a file name)
     * @throws InvalidCitationException naming what is wrong
     */
    public static List<CitedQuote> parse(ObjectMapper json, String text, String what) {
        JsonNode root;
        try {
            root = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(text);
        } catch (MismatchedInputException e) {
            throw new InvalidCitationException(what + " is not valid JSON: there is more after the first JSON "
                    + "value; send exactly one");
        } catch (JsonProcessingException e) {
            throw new InvalidCitationException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
        return read(root);
    }

    static List<CitedQuote> read(JsonNode root) {
        JsonNode citations = root != null && root.isObject() ? root.get("citations") : root;
        if (citations == null || !citations.isArray()) {
            throw new InvalidCitationException("expected a chat answer with \"citations\", or an array of citations");
        }
        List<CitedQuote> read = new ArrayList<>();
        for (int i = 0; i < citations.size(); i++) {
            read.add(citation(citations.get(i), i + 1));
        }
        return read;
    }

    private static CitedQuote citation(JsonNode node, int position) {
        String which = "citation " + position;
        if (!node.isObject()) {
            throw new InvalidCitationException(which + " is not an object");
        }
        Integer n = node.hasNonNull("n") ? integer(node, "n", which) : null;
        return new CitedQuote(n, text(node, "quote", which, true), text(node, "text", which, false),
                text(node, "source", which, true), integer(node, "start", which), integer(node, "end", which),
                text(node, "sha256", which, false),
                node.hasNonNull("textStart") ? integer(node, "textStart", which) : null);
    }

    private static String text(JsonNode node, String field, String which, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidCitationException(which + " has no \"" + field + "\"");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidCitationException(which + ": \"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field, String which) {
        JsonNode value = node.get(field);
        if (!JsonValues.isWholeNumber(value)) {
            throw new InvalidCitationException(which + ": \"" + field + "\" must be a whole number");
        }
        return value.asInt();
    }
}

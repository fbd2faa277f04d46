package dev.footnote.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.footnote.text.StrictJson;

/**
 * Reads the citations to check from JSON as Footnote hands it out: a saved chat answer ({@code POST /api/chat},
 * {@code /v1/chat/completions}), any object with a {@code citations} array, or the array alone. The JSON is bound
 * to {@link SavedCitations} strictly ({@link StrictJson}) and checked with Bean Validation.
 */
public final class CitationsJson {

    static final String EXPECTED = "a chat answer with \"citations\", or an array of citations";
    /** {@code citations[0]}, {@code [0].start}, {@code citations[0].<list element>}: Jackson's and Bean Validation's. */
    private static final Pattern CITATION_FIELD =
            Pattern.compile("^(?:citations)?\\[(\\d+)](?:\\.<list element>|\\.(\\w+))?$");

    private CitationsJson() {
    }

    /** A saved answer's citations: its {@code citations} member, or a bare array. OpenAPI shows it as the body. */
    @Schema(name = "VerifyRequest", description = "A saved chat answer (or a bare array of its citations)")
    public record SavedCitations(@Schema(required = true, description = "the citations to re-check: quote, source, "
            + "start and end; text and sha256 as the answer gives them") @NotNull(message = "is required: send "
            + EXPECTED) @Valid List<@NotNull(message = "must be an object") CitationJson> citations) {

        @JsonCreator
        public SavedCitations {
        }

        /** A bare array of citations. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static SavedCitations of(List<CitationJson> citations) {
            return new SavedCitations(citations);
        }
    }

    /** One citation as an answer gives it; only quote, source, start and end are needed. */
    @Schema(name = "CitedQuote", description = "A citation of a saved answer")
    public record CitationJson(Integer n, @NotNull(message = "is required") String quote, String text,
            @NotNull(message = "is required") String source, @NotNull(message = "is required") Integer start,
            @NotNull(message = "is required") Integer end, String sha256, Integer textStart) {

        CitedQuote cited() {
            return new CitedQuote(n, quote, text, source, start, end, sha256, textStart);
        }
    }

    /**
     * The citations of {@code text}.
     *
     * @param what names the text in the message when it is not valid JSON ("the request body", a file name)
     * @throws InvalidCitationException naming what is wrong, and which citation
     */
    public static List<CitedQuote> parse(StrictJson json, Validator validator, String text, String what) {
        try {
            return json.bind(text, SavedCitations.class, validator, what, EXPECTED,
                    CitationsJson::name).citations().stream().map(CitationJson::cited).toList();
        } catch (StrictJson.InvalidJsonException e) {
            throw new InvalidCitationException(e.getMessage());
        }
    }

    /** A field's path as a message names it: {@code citations[0].start} is {@code citation 1: "start"}. */
    static String name(String path) {
        Matcher citation = CITATION_FIELD.matcher(path);
        if (!citation.matches()) {
            return "\"" + path + "\"";
        }
        String which = "citation " + (Integer.parseInt(citation.group(1)) + 1);
        return citation.group(2) == null ? which : which + ": \"" + citation.group(2) + "\"";
    }
}

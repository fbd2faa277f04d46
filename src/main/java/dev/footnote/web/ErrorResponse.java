package dev.footnote.web;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A problem as OpenAI client libraries read it too: the problem's members ({@code type}, {@code title},
 * {@code status}, {@code detail}) and beside them an {@code error} member with the detail as its
 * {@code message}, which those libraries show.
 */
public record ErrorResponse(@JsonUnwrapped Problem problem, Error error) {

    public static final String MODEL_NOT_FOUND = "model_not_found";

    /**
     * @param type {@code invalid_request_error} for what the client can fix, {@code server_error} for the rest
     * @param code {@code model_not_found}, or the status's reason in snake case ({@code bad_request})
     */
    public record Error(String message, String type, String code) {
    }

    /** The response for {@code problem}; {@code unknownModel} when a 404 means the model asked for. */
    public static ErrorResponse of(Problem problem, boolean unknownModel) {
        String code = unknownModel && problem.status() == 404 ? MODEL_NOT_FOUND
                : problem.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return new ErrorResponse(problem, new Error(problem.detail(), type(problem.status()), code));
    }

    private static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}

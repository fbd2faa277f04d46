package dev.footnote.chat;

import java.util.Locale;

/** How a question ended: what the user gets, and what {@code footnote.chat.answers} counts. */
public enum Outcome {
    /** An answer whose every citation was checked against the retrieved passages. */
    ANSWERED,
    /** Declined: no passage is relevant, or none states what is asked. */
    NOT_COVERED,
    /** Declined: the question is not in English, the language the essays are read in. */
    OTHER_LANGUAGE,
    /** A model's draft of which no sentence stands on the passages: withheld, or shown marked as unchecked. */
    UNCHECKED;

    /** The name as a metric tag and in logs: {@code not_covered}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.footnote.verify;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of a cited quote in its file. */
public enum QuoteStatus {
    /** The file still holds the quote at the cited offsets. */
    EXACT,
    /** The quote is elsewhere in the file; the check gives its new offsets. */
    MOVED,
    /** The quote is no longer in the file; the check gives the closest sentence. */
    CHANGED,
    /** The file is gone. */
    MISSING;

    /** Whether a citation with this status still stands: its quote is in its file, where it was or not. */
    public boolean holds() {
        return this == EXACT || this == MOVED;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

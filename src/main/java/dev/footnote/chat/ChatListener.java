package dev.footnote.chat;

import java.util.List;

/** Hears an answer being produced: the passages it may cite first, then the text as it comes. */
public interface ChatListener {

    /** The retrieved passages, numbered as the answer cites them, just before the first token; none for a refusal. */
    void citations(List<Citation> candidates);

    void token(String text);

    /** True once nobody reads the answer any more (the client went away): the work on it stops. */
    default boolean abandoned() {
        return false;
    }
}

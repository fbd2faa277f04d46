package dev.footnote.chat;

/** A conversation could not be read or saved. The message is fit for a user. */
public class ConversationException extends RuntimeException {

    public ConversationException(String message, Throwable cause) {
        super(message, cause);
    }
}

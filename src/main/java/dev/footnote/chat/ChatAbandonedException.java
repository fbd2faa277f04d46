package dev.footnote.chat;

/** The client went away before its streamed answer was complete; the work on it was stopped. */
public class ChatAbandonedException extends RuntimeException {

    ChatAbandonedException() {
        super("the client went away before the answer was complete", null, false, false);
    }
}

package dev.footnote.chat;

/**
 * One earlier exchange of a conversation that the client keeps rather than Footnote, such as the messages of an
 * OpenAI-style request.
 *
 * @param question the question as the user asked it
 * @param answer   the answer as the client shows it, {@code [n]} markers and any list of sources included
 */
public record Exchange(String question, String answer) {
}

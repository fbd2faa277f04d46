package dev.footnote.chat;

/**
 * One exchange of a conversation.
 *
 * @param question   as asked
 * @param standalone as searched, follow-ups rewritten
 * @param author     author of the first cited essay, if any: who "he" or "she" refers to next
 * @param essayId    the first cited essay, if any: what "that essay" refers to next
 */
public record Turn(String question, String standalone, String answer, String author, String essayId) {
}

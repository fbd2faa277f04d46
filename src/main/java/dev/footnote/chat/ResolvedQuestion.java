package dev.footnote.chat;

import java.util.Optional;

/**
 * A question ready for search: its text standing on its own, and the filters the conversation implies.
 *
 * @param text    the question as searched: a follow-up rewritten to stand alone
 * @param author  search only this author's essays (the question or the conversation names them)
 * @param essayId search only this essay ("that essay": the one the previous answer cited first)
 */
public record ResolvedQuestion(String text, Optional<String> author, Optional<String> essayId) {

    /** A question searched as written, over every essay. */
    static ResolvedQuestion asWritten(String question) {
        return new ResolvedQuestion(question, Optional.empty(), Optional.empty());
    }
}

package dev.footnote.chat;

import java.util.Optional;

/** Rewrites a follow-up to stand on its own, given the conversation so far: a model's job, when there is one. */
public interface QuestionRewriter {

    /** No model: follow-ups are made standalone by rules alone. */
    QuestionRewriter NONE = (question, transcript) -> Optional.empty();

    /** The question rewritten; empty when it cannot rewrite. */
    Optional<String> rewrite(String question, String transcript);
}

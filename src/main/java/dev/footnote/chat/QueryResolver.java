package dev.footnote.chat;

import java.util.List;

/**
 * The first stage: makes a question stand on its own given the conversation before it, and decides whose
 * essays it is about.
 */
public interface QueryResolver {

    /** The question made standalone, with every means available: rules, and a model's rewrite if there is one. */
    ResolvedQuestion resolve(String question, List<Turn> history);

    /** The question made standalone without asking any model, for rebuilding a conversation cheaply. */
    ResolvedQuestion byRules(String question, List<Turn> history);
}

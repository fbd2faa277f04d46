package dev.footnote.chat;

import java.util.List;
import java.util.Optional;

import dev.footnote.evidence.Evidence;
import dev.footnote.search.PassageHit;

/** Writes a draft answer from retrieved passages, citing them as {@code [n]} (the n-th passage). */
public interface Answerer {

    /** {@code extractive}, {@code openai} or {@code ollama}. */
    String provider();

    /**
     * The draft, streamed piece by piece to {@code tokens} as it is produced ({@code null}: not streamed);
     * empty when the passages hold nothing that answers the question. {@code evidence} is what the evidence
     * model found in the passages: it has already judged that they answer the question.
     */
    Optional<String> answer(String question, List<PassageHit> passages, Evidence evidence, TokenSink tokens);
}

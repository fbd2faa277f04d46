package dev.footnote.embedding;

/** Counts the word pieces of a text as the embedding model's tokenizer cuts it. */
@FunctionalInterface
public interface TokenCounter {

    int countTokens(String text);
}

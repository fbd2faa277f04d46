package dev.footnote.index;

/** The two digests of an essay version: see {@link ContentHash}. */
public record EssayHashes(String content, String layout) {
}

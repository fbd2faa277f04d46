package dev.footnote.chat;

/** Where an answer being streamed goes, piece by piece, and whether anyone still reads it. */
public interface TokenSink {

    void accept(String piece);

    /** True once the reader has gone: the answerer may stop producing, and should stop paying a model for it. */
    boolean abandoned();
}

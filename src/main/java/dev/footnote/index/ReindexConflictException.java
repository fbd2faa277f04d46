package dev.footnote.index;

/** A reindex that cannot go ahead as asked: another one is running, or it would empty most of the index. */
public class ReindexConflictException extends IndexException {

    public ReindexConflictException(String message) {
        super(message);
    }
}

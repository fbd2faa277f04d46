package dev.footnote.index;

/** The stored index was built with another model or other passage rules than the running configuration. */
public class IndexMismatchException extends IndexException {

    public IndexMismatchException(IndexManifest stored, IndexManifest expected) {
        super("the index was built with " + stored.describe() + " but this configuration uses "
                + expected.describe() + "; run `reindex --full` to rebuild it");
    }
}

package dev.footnote.index;

import java.util.Optional;

/**
 * Whether the stored index was built as this one would be ({@link IndexManifest}). A reindex and the commands
 * read the stored manifest every time; searches take one read at most a second old, because only a full rebuild
 * with other settings, by another process, changes it, and the read is a round trip of its own on every search.
 */
final class ManifestCheck {

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final ServedEssays served;
    private final IndexManifest expected;
    private volatile Read last;

    ManifestCheck(ServedEssays served, IndexManifest expected) {
        this.served = served;
        this.expected = expected;
    }

    /** Throws {@link IndexMismatchException} unless the stored manifest, read now, is the expected one. */
    void require() {
        Read read = new Read(served.manifest(), System.nanoTime());
        last = read;
        requireExpected(read);
    }

    /** As {@link #require}, on the manifest as read at most a second ago. */
    void requireRecent() {
        Read read = last;
        if (read == null || System.nanoTime() - read.atNanos() > RECHECK_NANOS) {
            require();
        } else {
            requireExpected(read);
        }
    }

    private void requireExpected(Read read) {
        read.manifest().filter(stored -> !stored.equals(expected)).ifPresent(stored -> {
            throw new IndexMismatchException(stored, expected);
        });
    }

    private record Read(Optional<IndexManifest> manifest, long atNanos) {
    }
}

package dev.footnote.corpus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The essays read from a corpus folder, and the files that had to be skipped.
 *
 * @param essays  every essay once, in file order
 * @param skipped one line per unreadable file: its name and why
 * @param digests the SHA-256 of each file read, as hex, by file name: what citations carry, so that a client
 *                can tell later whether the file still is the one quoted
 */
public record Corpus(List<Essay> essays, List<String> skipped, Map<String, String> digests) {

    public Corpus {
        essays = List.copyOf(essays);
        skipped = List.copyOf(skipped);
        digests = Map.copyOf(digests);
    }

    /** The SHA-256 of the file an essay's text comes from. */
    public String digestOf(Essay essay) {
        return digests.get(essay.source());
    }

    public Optional<Essay> essay(String id) {
        return essays.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}

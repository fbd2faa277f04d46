package dev.footnote.corpus;

import java.util.List;
import java.util.Optional;

/**
 * The essays read from a corpus folder, and the files that had to be skipped.
 *
 * @param essays  every essay once, in file order
 * @param skipped one line per unreadable file: its name and why
 */
public record Corpus(List<Essay> essays, List<String> skipped) {

    public Corpus {
        essays = List.copyOf(essays);
        skipped = List.copyOf(skipped);
    }

    public Optional<Essay> essay(String id) {
        return essays.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}

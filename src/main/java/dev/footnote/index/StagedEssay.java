package dev.footnote.index;

import java.util.List;
import java.util.UUID;

import dev.footnote.corpus.Essay;
import dev.footnote.passage.Passage;

/**
 * A new version of an essay, written beside the served index until a reindex publishes it.
 *
 * @param sourceDigest the SHA-256 of the essay's source file as read, which its citations carry
 * @param passageIds   one id per passage, same order
 */
record StagedEssay(UUID versionId, Essay essay, String sourceDigest, EssayHashes hashes, List<Passage> passages,
        List<UUID> passageIds) {
}

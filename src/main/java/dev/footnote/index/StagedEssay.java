package dev.footnote.index;

import java.util.List;
import java.util.UUID;

import dev.footnote.corpus.Essay;
import dev.footnote.passage.Passage;

/**
 * A new version of an essay, written beside the served index until a reindex publishes it.
 *
 * @param passageIds one id per passage, same order
 */
record StagedEssay(UUID versionId, Essay essay, EssayHashes hashes, List<Passage> passages, List<UUID> passageIds) {
}

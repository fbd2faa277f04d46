package dev.footnote.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import dev.footnote.corpus.Essay;
import dev.footnote.passage.Passage;
import dev.footnote.text.Hashes;

/**
 * Digests of what the index stores about an essay. The <em>content</em> digest covers its metadata, text and
 * passages under the manifest; the <em>layout</em> digest covers where they stand in the source file, and that
 * file's digest. An essay with equal content but another layout (a new post was put above it in a feed page) is
 * unchanged for the reader: its rows are rewritten with the new offsets, without embedding anything.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(Essay essay, List<Passage> passages, IndexManifest manifest) {
        MessageDigest digest = Hashes.newSha256();
        update(digest, manifest.describe());
        update(digest, essay.id());
        update(digest, essay.title());
        update(digest, String.valueOf(essay.titleDerived()));
        update(digest, essay.author());
        update(digest, essay.date());
        if (essay.url() != null) {
            // only when there is one, so that essays without an address keep the hashes they had
            update(digest, essay.url());
        }
        update(digest, String.join("\u0000", essay.sources()));
        update(digest, essay.body().bodyText());
        for (Passage passage : passages) {
            update(digest, passage.searchText());
            passage.windows().forEach(window -> update(digest, window.embeddingText()));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Covers the file's own digest too: citations carry it, so it is rewritten when anything in the file changes. */
    static String layout(Essay essay, List<Passage> passages, String fileDigest) {
        MessageDigest digest = Hashes.newSha256();
        update(digest, fileDigest);
        update(digest, essay.source() + ":" + essay.body().bodySpan().start());
        for (Passage passage : passages) {
            update(digest, passage.source() + ":" + passage.span().start() + ":" + passage.span().end());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}

package dev.footnote.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import dev.footnote.corpus.Essay;
import dev.footnote.passage.Passage;
import dev.footnote.system.Hashes;

/**
 * A digest of everything the index stores about an essay: its metadata, its passages with their spans, and
 * the manifest. Equal digests mean the stored essay can be left as it is.
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
        update(digest, String.join("\u0000", essay.sources()));
        update(digest, essay.body().bodySpan().start() + ":" + essay.body().bodyText());
        for (Passage passage : passages) {
            update(digest, passage.source() + ":" + passage.span().start() + ":" + passage.span().end());
            update(digest, passage.embeddingText());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}

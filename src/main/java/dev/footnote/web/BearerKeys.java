package dev.footnote.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.footnote.text.Hashes;

/**
 * Keys a caller may present as {@code Authorization: Bearer <key>}: the API keys and the admin token. Keys are
 * kept and compared as SHA-256 digests with {@link MessageDigest#isEqual}, against every key, so that neither the
 * time taken nor a key's length tells a caller how close a guess came.
 */
final class BearerKeys {

    static final BearerKeys NONE = new BearerKeys(List.of());

    private final List<byte[]> digests;

    BearerKeys(Collection<String> keys) {
        this.digests = keys.stream().map(String::strip).filter(key -> !key.isEmpty()).map(BearerKeys::digest)
                .toList();
    }

    boolean isEmpty() {
        return digests.isEmpty();
    }

    /** The key an {@code Authorization} header presents, if it is a bearer one. */
    static Optional<String> presented(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = authorization.substring(7).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** Whether {@code key} is one of the keys; compares with every key, without stopping at a match. */
    boolean accepts(String key) {
        byte[] digest = digest(key);
        boolean accepted = false;
        for (byte[] known : digests) {
            accepted |= MessageDigest.isEqual(known, digest);
        }
        return accepted;
    }

    private static byte[] digest(String key) {
        return Hashes.sha256Bytes(key.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.footnote.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests, as lower-case hex for ids, content hashes and files. */
public final class Hashes {

    private Hashes() {
    }

    public static String sha256(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of a file's bytes as hex, as citations carry it. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Bytes(bytes));
    }

    public static byte[] sha256Bytes(byte[] bytes) {
        return newSha256().digest(bytes);
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

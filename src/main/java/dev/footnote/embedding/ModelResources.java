package dev.footnote.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

/** Reads a model's files: from the classpath, where the shipped models are, or from disk ({@code file:} names). */
final class ModelResources {

    private ModelResources() {
    }

    /** The tokenizer, without padding or truncation: the encoder batches and cuts texts itself. */
    static HuggingFaceTokenizer tokenizer(String resource) {
        try (InputStream json = ModelResources.class.getResourceAsStream(resource)) {
            if (json == null) {
                throw new IllegalStateException("tokenizer not on the classpath: " + resource);
            }
            return HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        if (name.startsWith(EncoderModel.FILE)) {
            try {
                return Files.readAllBytes(Path.of(name.substring(EncoderModel.FILE.length())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the model file " + name, e);
            }
        }
        try (InputStream in = ModelResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("embedding model not on the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

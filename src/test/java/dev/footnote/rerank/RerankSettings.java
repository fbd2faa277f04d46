package dev.footnote.rerank;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.RerankProvider;
import dev.footnote.embedding.Embeddings;

/** {@code footnote.rerank.*} as a test sets it. */
public record RerankSettings(RerankProvider provider, Optional<Path> modelPath, Optional<Path> tokenizerPath,
        Optional<String> baseUrl, Optional<String> model, Optional<String> apiKey, Duration timeout, int candidates)
        implements FootnoteConfig.Rerank {

    public static RerankSettings onnx(Path model, Path tokenizer) {
        return new RerankSettings(RerankProvider.ONNX, Optional.of(model), Optional.of(tokenizer), Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(10), 20);
    }

    public static RerankSettings http(String baseUrl, Duration timeout) {
        return new RerankSettings(RerankProvider.HTTP, Optional.empty(), Optional.empty(), Optional.of(baseUrl),
                Optional.of("rerank-test"), Optional.of("secret-key"), timeout, 20);
    }

    public static RerankSettings provider(RerankProvider provider) {
        return new RerankSettings(provider, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(10), 20);
    }

    /** For settings that name no reader: asking for it fails the test. */
    public static Embeddings noReader() {
        throw new AssertionError("these settings should not load Footnote's reader");
    }
}

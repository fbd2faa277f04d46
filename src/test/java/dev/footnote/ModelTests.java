package dev.footnote;

import java.time.Duration;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.EncoderModel;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.passage.PassageSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * For plain JUnit tests of logic that needs the embedding model but neither the database nor HTTP: the model
 * and the passage settings as the application configures them by default, loaded once per test JVM.
 *
 * <p>Such tests carry {@code @Tag(ModelTests.TAG)} and run in a JVM of their own (the {@code model-tests}
 * surefire execution): the tokenizer's native library can be loaded by one class loader only, and the
 * Quarkus tests load it in theirs.
 */
public final class ModelTests {

    public static final String TAG = "model";

    private static OnnxEncoder encoder;

    private ModelTests() {
    }

    /** The default configuration, from the defaults declared on {@link FootnoteConfig}. */
    public static FootnoteConfig defaults() {
        // durations as Quarkus reads them ("24h", "60s"), not only ISO-8601
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(FootnoteConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).build();
        return config.getConfigMapping(FootnoteConfig.class);
    }

    /** The default embedding model, shared by the tests of this JVM. */
    public static synchronized OnnxEncoder encoder() {
        if (encoder == null) {
            FootnoteConfig.Embedding embedding = defaults().embedding();
            encoder = new OnnxEncoder(EncoderModel.configured(embedding.model()), embedding.batchSize(),
                    Runtime.getRuntime().availableProcessors());
        }
        return encoder;
    }

    public static PassageSettings passageSettings() {
        FootnoteConfig.Passages passages = defaults().passages();
        return new PassageSettings(passages.maxTokens(), passages.windowTokens(), passages.overlapTokens());
    }
}

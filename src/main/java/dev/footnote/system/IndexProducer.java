package dev.footnote.system;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.EncoderModel;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.index.Index;
import dev.footnote.passage.PassageSettings;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the embedding model and the served index from configuration. */
@Singleton
public class IndexProducer {

    @Produces
    @Singleton
    OnnxEncoder encoder(FootnoteConfig config) {
        EncoderModel model = EncoderModel.configured(config.embedding().model());
        int threads = config.embedding().threads() > 0 ? config.embedding().threads()
                : Runtime.getRuntime().availableProcessors();
        return new OnnxEncoder(model, config.embedding().batchSize(), threads);
    }

    void close(@Disposes OnnxEncoder encoder) {
        encoder.close();
    }

    /** The one embedding model of the request path: search, evidence and citations share its cache. */
    @Produces
    @Singleton
    Embeddings embeddings(OnnxEncoder encoder, FootnoteConfig config) {
        return Embeddings.cached(encoder, config.embedding().cacheSize());
    }

    @Produces
    PassageSettings passageSettings(FootnoteConfig config) {
        return new PassageSettings(config.passages().maxTokens(), config.passages().windowTokens(),
                config.passages().overlapTokens());
    }

    @Produces
    @Singleton
    Index index(DataSource dataSource, OnnxEncoder encoder, PassageSettings settings, MeterRegistry registry) {
        return new Index(dataSource, encoder, settings, registry);
    }
}

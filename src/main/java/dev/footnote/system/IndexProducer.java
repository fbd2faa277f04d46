package dev.footnote.system;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

import dev.footnote.embedding.MiniLmEncoder;
import dev.footnote.index.Index;
import dev.footnote.passage.PassageSettings;

/** Wires the embedding model and the served index from configuration. */
@Singleton
public class IndexProducer {

    @Produces
    @Singleton
    MiniLmEncoder encoder(FootnoteConfig config) {
        int threads = config.embedding().threads() > 0 ? config.embedding().threads()
                : Runtime.getRuntime().availableProcessors();
        return new MiniLmEncoder(config.embedding().batchSize(), threads);
    }

    void close(@Disposes MiniLmEncoder encoder) {
        encoder.close();
    }

    @Produces
    PassageSettings passageSettings(FootnoteConfig config) {
        return new PassageSettings(config.passages().maxTokens(), config.passages().windowTokens(),
                config.passages().overlapTokens());
    }

    @Produces
    @Singleton
    Index index(DataSource dataSource, MiniLmEncoder encoder, PassageSettings settings) {
        return new Index(dataSource, encoder, settings);
    }
}

package dev.footnote.system;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.EncoderModel;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.index.Index;
import dev.footnote.passage.PassageSettings;
import dev.footnote.search.SearchDatabase;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;

/** Wires the embedding model and the served index from configuration. */
@Singleton
public class IndexProducer {

    private static final Logger LOG = Logger.getLogger(IndexProducer.class);

    @Produces
    @Singleton
    OnnxEncoder encoder(FootnoteConfig config) {
        return encoder(EncoderModel.configured(config.embedding().model()), config);
    }

    /** An encoder for {@code model} with the configured batch size and threads (default: one a core). */
    static OnnxEncoder encoder(EncoderModel model, FootnoteConfig config) {
        return new OnnxEncoder(model, config.embedding().batchSize(),
                OnnxEncoder.threads(config.embedding().threads()));
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

    /** The replica datasource {@code search} when {@code footnote.search.datasource} activates it, else the primary. */
    @Produces
    @Singleton
    SearchDatabase searchDatabase(Index index,
            @io.quarkus.agroal.DataSource("search") InjectableInstance<AgroalDataSource> replica) {
        List<AgroalDataSource> active = replica.listActive();
        if (active.isEmpty()) {
            return SearchDatabase.primary(index.dataSource());
        }
        LOG.info("Searches read the replica set by footnote.search.datasource");
        return new SearchDatabase(active.get(0), true);
    }
}

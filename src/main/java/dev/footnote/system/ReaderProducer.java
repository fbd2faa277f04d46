package dev.footnote.system;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.FootnoteConfig.SentenceEncoder;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.EncoderModel;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.evidence.EvidenceFinder;
import dev.footnote.evidence.EvidenceModel;
import dev.footnote.evidence.EvidenceReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;

/**
 * Wires the evidence finder: the fitted evidence model, and the encoder that reads sentences for it, the one the
 * model was fitted with. The search's embedding model serves when the model names it; Footnote's reader gets an
 * ONNX session and a vector cache of its own, so a sentence read once costs nothing the next time.
 */
@Singleton
public class ReaderProducer {

    private static final Logger LOG = Logger.getLogger(ReaderProducer.class);

    private OnnxEncoder encoder;
    private Embeddings reader;

    @Produces
    @Singleton
    EvidenceModel evidenceModel(FootnoteConfig config, ObjectMapper json) {
        String shipped = config.evidence().reader() == SentenceEncoder.EMBEDDING ? EvidenceModel.EMBEDDING_RESOURCE
                : EvidenceModel.RESOURCE;
        return EvidenceModel.load(config.evidence().model(), shipped, json);
    }

    /** The evidence finder, which calibration reads as such; the pipeline sees it as its {@link EvidenceReader}. */
    @Produces
    @Singleton
    @Typed(EvidenceFinder.class)
    synchronized EvidenceFinder evidenceFinder(EvidenceModel model, Embeddings embeddings, FootnoteConfig config,
            MeterRegistry registry) {
        if (model.readsWithEmbedding()) {
            return new EvidenceFinder(embeddings, model, registry);
        }
        return new EvidenceFinder(reader(model.reader(), config), model, registry);
    }

    /** The pipeline's evidence stage, unless the application declares another. */
    @Produces
    @Singleton
    @DefaultBean
    EvidenceReader evidenceReader(EvidenceFinder finder) {
        return finder;
    }

    /**
     * Footnote's reader named {@code name}, loaded once however many stages read with it, so the re-ranking
     * stage and the evidence finder share its vector cache.
     */
    synchronized Embeddings reader(String name, FootnoteConfig config) {
        EncoderModel readerModel = EncoderModel.reader(name);
        if (reader == null) {
            LOG.debugf("Sentences are read by %s", readerModel.name());
            encoder = IndexProducer.encoder(readerModel, config);
            reader = Embeddings.cached(encoder, config.embedding().cacheSize());
        } else if (!encoder.model().equals(readerModel)) {
            throw new IllegalStateException("one reader at a time: " + encoder.model().name() + " is loaded, not "
                    + readerModel.name());
        }
        return reader;
    }

    @PreDestroy
    synchronized void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}

package dev.footnote.system;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.EncoderModel;
import dev.footnote.rerank.ScoringModels;
import dev.footnote.search.Reranker;

/** Wires the optional re-ranking stage from {@code footnote.rerank.*}. */
@Singleton
public class RerankProducer {

    @Produces
    @Singleton
    Reranker reranker(FootnoteConfig config, ObjectMapper json, ReaderProducer readers) {
        return new Reranker(ScoringModels.create(config.rerank(), json,
                () -> readers.reader(EncoderModel.FOOTNOTE_READER.name(), config)), config.rerank().candidates());
    }

    void close(@Disposes Reranker reranker) {
        reranker.close();
    }
}

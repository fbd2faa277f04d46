package dev.footnote.embedding;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

/** The {@link OnnxEncoder} in one {@link Role}, as LangChain4j's {@link EmbeddingModel}: no cache. */
final class EncoderEmbeddingModel implements EmbeddingModel {

    private final OnnxEncoder encoder;
    private final Role role;

    EncoderEmbeddingModel(OnnxEncoder encoder, Role role) {
        this.encoder = encoder;
        this.role = role;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<float[]> vectors = encoder.encode(role, segments.stream().map(TextSegment::text).toList());
        return Response.from(vectors.stream().map(Embedding::from).toList());
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public String modelName() {
        return encoder.modelName();
    }
}

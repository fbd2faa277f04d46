package dev.footnote.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.footnote.ModelTests;
import dev.footnote.embedding.Role;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;

/**
 * The models that read questions and passages with prefixes, run for real. A Quarkus test only because the
 * tokenizer's native library can be loaded by one class loader per run, and the application's comes first.
 */
@Tag(ModelTests.TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrefixedModelsTest {

    enum Model {
        E5(EncoderModel.E5_SMALL_V2_Q),
        BGE(EncoderModel.BGE_SMALL_EN_V15_Q);

        final EncoderModel model;

        Model(EncoderModel model) {
            this.model = model;
        }
    }

    private static final String QUESTION = "How often does a sourdough starter need feeding?";
    private static final String RELEVANT = "A sourdough starter must be fed with fresh flour and water every day.";
    private static final String IRRELEVANT = "The council approved the budget for repairing the harbour wall.";

    private Map<Model, OnnxEncoder> encoders;

    @BeforeAll
    void load() {
        encoders = new EnumMap<>(Model.class);
        for (Model m : Model.values()) {
            encoders.put(m, new OnnxEncoder(m.model, 8, 1));
        }
    }

    @AfterAll
    void close() {
        encoders.values().forEach(OnnxEncoder::close);
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void should_embed_like_langchain4j_given_the_prefixed_text(Model m) {
        EmbeddingModel reference = m == Model.E5 ? new E5SmallV2QuantizedEmbeddingModel()
                : new BgeSmallEnV15QuantizedEmbeddingModel();
        OnnxEncoder encoder = encoders.get(m);
        List<String> passages = List.of(RELEVANT, IRRELEVANT, "Short.");
        List<float[]> batched = encoder.encode(Role.PASSAGE, passages);
        for (int i = 0; i < passages.size(); i++) {
            float[] expected = reference.embed(m.model.input(Role.PASSAGE, passages.get(i))).content().vector();
            assertThat(Vectors.cosine(batched.get(i), expected)).as(passages.get(i)).isGreaterThan(0.9999);
        }
        float[] expected = reference.embed(m.model.input(Role.QUERY, QUESTION)).content().vector();
        assertThat(Vectors.cosine(encoder.encode(Role.QUERY, List.of(QUESTION)).get(0), expected)).isGreaterThan(0.9999);
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void should_embed_a_text_differently_as_question_and_as_passage(Model m) {
        OnnxEncoder encoder = encoders.get(m);
        float[] asQuery = encoder.encode(Role.QUERY, List.of(QUESTION)).get(0);
        float[] asPassage = encoder.encode(Role.PASSAGE, List.of(QUESTION)).get(0);
        assertThat(Vectors.cosine(asQuery, asPassage)).isLessThan(0.99);
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void should_return_unit_vectors_of_384_dimensions(Model m) {
        OnnxEncoder encoder = encoders.get(m);
        for (float[] vector : List.of(encoder.encode(Role.QUERY, List.of(QUESTION)).get(0), encoder.encode(Role.PASSAGE, List.of(RELEVANT)).get(0))) {
            assertThat(vector).hasSize(384);
            assertThat(Vectors.cosine(vector, vector)).isCloseTo(1.0, within(1e-5));
        }
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void should_put_a_relevant_passage_closer_to_the_question_than_an_irrelevant_one(Model m) {
        OnnxEncoder encoder = encoders.get(m);
        float[] question = encoder.encode(Role.QUERY, List.of(QUESTION)).get(0);
        List<float[]> passages = encoder.encode(Role.PASSAGE, List.of(RELEVANT, IRRELEVANT));
        assertThat(Vectors.cosine(question, passages.get(0))).isGreaterThan(Vectors.cosine(question, passages.get(1)));
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void should_fit_a_window_of_the_longest_allowed_text_and_its_prefix_within_the_model_input(Model m) {
        OnnxEncoder encoder = encoders.get(m);
        // word pieces add up across whitespace, so the prefix's pieces and the text's simply add
        int budget = encoder.maxTextTokens();
        assertThat(budget).isEqualTo(m.model.maxSequenceTokens() - 2 - encoder.estimateTokenCountInText(m.model.passagePrefix()));
        String text = IntStream.range(0, budget).mapToObj(i -> "word")
                .collect(Collectors.joining(" "));
        assertThat(encoder.estimateTokenCountInText(text)).isEqualTo(budget);
        assertThat(encoder.inputTokens(Role.PASSAGE, text)).isEqualTo(m.model.maxSequenceTokens());
    }
}

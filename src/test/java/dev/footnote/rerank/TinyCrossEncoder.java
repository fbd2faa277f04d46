package dev.footnote.rerank;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a tiny cross-encoder as a real ONNX file, for tests: it reads {@code input_ids},
 * {@code attention_mask} and {@code token_type_ids} like a BERT sequence classifier and returns
 * {@code logits [batch, 1]}, the number of (question token, passage token) pairs with the same id. So a
 * passage sharing more word pieces with the question scores higher, which is enough to see a re-ranking
 * stage reorder real passages, without shipping or downloading a model.
 *
 * <p>The file is encoded by hand in ONNX's protobuf format (opset 13), with the MiniLM tokenizer beside it.
 */
public final class TinyCrossEncoder {

    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTRIBUTE_INT = 2;

    private TinyCrossEncoder() {
    }

    public record ModelFiles(Path model, Path tokenizer) {
    }

    public static ModelFiles writeTo(Path folder) throws IOException {
        Path model = folder.resolve("tiny-cross-encoder.onnx");
        Files.write(model, model());
        Path tokenizer = folder.resolve("tokenizer.json");
        try (InputStream json = TinyCrossEncoder.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(json, tokenizer);
        }
        return new ModelFiles(model, tokenizer);
    }

    static byte[] model() {
        Proto graph = new Proto()
                .message(1, node("Cast", List.of("input_ids"), "ids", castTo(FLOAT)))
                .message(1, node("Cast", List.of("attention_mask"), "mask", castTo(FLOAT)))
                .message(1, node("Cast", List.of("token_type_ids"), "types", castTo(FLOAT)))
                .message(1, node("Sub", List.of("mask", "types"), "question", null))
                .message(1, node("Mul", List.of("types", "mask"), "passage", null))
                .message(1, node("Unsqueeze", List.of("ids", "axis2"), "ids_column", null))
                .message(1, node("Unsqueeze", List.of("ids", "axis1"), "ids_row", null))
                .message(1, node("Equal", List.of("ids_column", "ids_row"), "same", null))
                .message(1, node("Cast", List.of("same"), "same_f", castTo(FLOAT)))
                .message(1, node("Unsqueeze", List.of("question", "axis2"), "question_column", null))
                .message(1, node("Unsqueeze", List.of("passage", "axis1"), "passage_row", null))
                .message(1, node("Mul", List.of("same_f", "question_column"), "from_question", null))
                .message(1, node("Mul", List.of("from_question", "passage_row"), "pairs", null))
                .message(1, node("ReduceSum", List.of("pairs", "axes12"), "total",
                        new Proto().string(1, "keepdims").varint(3, 0).varint(20, ATTRIBUTE_INT)))
                .message(1, node("Unsqueeze", List.of("total", "axis1"), "logits", null))
                .string(2, "tiny-cross-encoder")
                .message(5, int64Tensor("axis1", 1))
                .message(5, int64Tensor("axis2", 2))
                .message(5, int64Tensor("axes12", 1, 2))
                .message(11, tensorValue("input_ids", INT64, "batch", "sequence"))
                .message(11, tensorValue("attention_mask", INT64, "batch", "sequence"))
                .message(11, tensorValue("token_type_ids", INT64, "batch", "sequence"))
                .message(12, tensorValue("logits", FLOAT, "batch", null));
        return new Proto()
                .varint(1, 8) // ir_version
                .string(2, "footnote-tests")
                .message(7, graph)
                .message(8, new Proto().varint(2, 13)) // opset_import: default domain, version 13
                .bytes();
    }

    private static Proto node(String op, List<String> inputs, String output, Proto attribute) {
        Proto node = new Proto();
        inputs.forEach(input -> node.string(1, input));
        node.string(2, output).string(3, op + "_" + output).string(4, op);
        if (attribute != null) {
            node.message(5, attribute);
        }
        return node;
    }

    private static Proto castTo(int type) {
        return new Proto().string(1, "to").varint(3, type).varint(20, ATTRIBUTE_INT);
    }

    private static Proto int64Tensor(String name, long... values) {
        Proto tensor = new Proto().varint(1, values.length).varint(2, INT64);
        for (long value : values) {
            tensor.varint(7, value);
        }
        return tensor.string(8, name);
    }

    /** A tensor input or output; a {@code null} second dimension means the fixed size 1. */
    private static Proto tensorValue(String name, int type, String first, String second) {
        Proto shape = new Proto().message(1, new Proto().string(2, first))
                .message(1, second == null ? new Proto().varint(1, 1) : new Proto().string(2, second));
        Proto tensorType = new Proto().varint(1, type).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** Just enough of the protobuf wire format: varints and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            writeVarint((long) field << 3);
            writeVarint(value);
            return this;
        }

        Proto string(int field, String value) {
            return raw(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return raw(field, value.bytes());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private Proto raw(int field, byte[] value) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}

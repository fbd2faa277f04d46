import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an ONNX encoder on token ids, one text per line of space-separated ids, and prints each text's vector
 * (mean over the tokens, L2-normalised, as the product pools) on one line. For export.py --check:
 * {@code java -cp onnxruntime.jar OnnxCheck.java model.onnx ids.txt}.
 */
public class OnnxCheck {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(args[0], options)) {
                for (String line : lines) {
                    if (line.isBlank()) {
                        continue;
                    }
                    long[] ids = Arrays.stream(line.trim().split(" ")).mapToLong(Long::parseLong).toArray();
                    long[] mask = new long[ids.length];
                    Arrays.fill(mask, 1L);
                    Map<String, OnnxTensor> inputs = new HashMap<>();
                    inputs.put("input_ids", OnnxTensor.createTensor(env, new long[][] {ids}));
                    inputs.put("attention_mask", OnnxTensor.createTensor(env, new long[][] {mask}));
                    inputs.put("token_type_ids", OnnxTensor.createTensor(env, new long[][] {new long[ids.length]}));
                    try (OrtSession.Result result = session.run(inputs)) {
                        float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
                        double[] sum = new double[hidden[0].length];
                        for (float[] token : hidden) {
                            for (int d = 0; d < sum.length; d++) {
                                sum[d] += token[d];
                            }
                        }
                        double norm = Math.sqrt(Arrays.stream(sum).map(v -> v * v).sum());
                        StringBuilder out = new StringBuilder();
                        for (double v : sum) {
                            out.append(v / norm).append(' ');
                        }
                        System.out.println(out.toString().trim());
                    } finally {
                        inputs.values().forEach(OnnxTensor::close);
                    }
                }
            }
        }
    }
}

package dev.footnote.embedding;

/**
 * Turns a transformer's token vectors into one vector per text: the mean over the attention mask (sentence
 * transformers such as all-MiniLM-L6-v2) or the {@code [CLS]} vector (BGE), then L2 normalisation, so that a dot
 * product is a cosine.
 */
final class TokenPooling {

    private TokenPooling() {
    }

    /** The text's vector from its tokens' vectors: pooled as the model was trained, then of unit length. */
    static float[] pooled(EncoderModel.Pooling pooling, float[][] tokens, long[] mask) {
        return normalize(switch (pooling) {
            case MEAN -> meanPool(tokens, mask);
            case CLS -> tokens[0].clone();
        });
    }

    private static float[] meanPool(float[][] tokens, long[] mask) {
        float[] sum = new float[tokens[0].length];
        int count = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            count++;
            for (int d = 0; d < sum.length; d++) {
                sum[d] += tokens[t][d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(1, count);
        }
        return sum;
    }

    private static float[] normalize(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < vector.length; d++) {
            vector[d] *= scale;
        }
        return vector;
    }
}

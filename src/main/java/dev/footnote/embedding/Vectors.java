package dev.footnote.embedding;

/** Arithmetic on embedding vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** Cosine similarity of two unit-length vectors, as the encoder returns them: their dot product. */
    public static double cosine(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

package dev.footnote.evidence;

import java.util.List;

/**
 * A logistic regression over standardised features: {@code p = σ(bias + Σ wᵢ · (xᵢ − meanᵢ) / scaleᵢ)}.
 * Fitted by gradient descent with an L2 penalty, which keeps the weights small on a few hundred examples.
 *
 * @param features names of the features, in order: a model file says what each weight is for
 */
public record Logistic(List<String> features, double[] mean, double[] scale, double[] weights, double bias) {

    static final int ITERATIONS = 3000;
    static final double LEARNING_RATE = 0.1;

    public double probability(double[] x) {
        return 1 / (1 + Math.exp(-logit(x)));
    }

    public double logit(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " features, got " + x.length);
        }
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return z;
    }

    /**
     * Fits the model to examples {@code x} with labels {@code y}. Positive and negative examples count
     * equally in total ({@code balanced}), so that a rare label is not simply predicted never.
     */
    public static Logistic fit(List<String> features, List<double[]> x, List<Boolean> y, double l2, boolean balanced) {
        int n = x.size();
        int d = features.size();
        if (n == 0 || y.size() != n) {
            throw new IllegalArgumentException("need as many labels as examples, and at least one");
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        long positives = y.stream().filter(Boolean::booleanValue).count();
        double positiveWeight = balanced && positives > 0 ? n / (2.0 * positives) : 1;
        double negativeWeight = balanced && positives < n ? n / (2.0 * (n - positives)) : 1;
        double[] w = new double[d];
        double b = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double gradientBias = 0;
            Logistic current = new Logistic(features, mean, scale, w, b);
            for (int i = 0; i < n; i++) {
                double weight = y.get(i) ? positiveWeight : negativeWeight;
                double error = weight * (current.probability(x.get(i)) - (y.get(i) ? 1 : 0));
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * (x.get(i)[j] - mean[j]) / scale[j] / n;
                }
                gradientBias += error / n;
            }
            double[] next = new double[d];
            for (int j = 0; j < d; j++) {
                next[j] = w[j] - LEARNING_RATE * (gradient[j] + l2 * w[j] / n);
            }
            w = next;
            b -= LEARNING_RATE * gradientBias;
        }
        return new Logistic(List.copyOf(features), mean, scale, w, b);
    }
}

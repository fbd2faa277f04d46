package dev.footnote.eval;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Percentile bootstrap intervals of a mean over questions: resampled with a fixed seed, so reruns agree. */
final class Bootstrap {

    static final int RESAMPLES = 2000;
    private static final long SEED = 20261123L;

    private Bootstrap() {
    }

    /** The 95 % interval of the mean of {@code measure}, or {@code null} for no outcomes. */
    static Figures.Interval interval(List<Outcome> outcomes, ToDoubleFunction<Outcome> measure) {
        if (outcomes.isEmpty()) {
            return null;
        }
        double[] values = outcomes.stream().mapToDouble(measure).toArray();
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[r] = sum / values.length;
        }
        Arrays.sort(means);
        return new Figures.Interval(means[(int) (RESAMPLES * 0.025)], means[(int) (RESAMPLES * 0.975) - 1]);
    }
}

package dev.footnote.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LogisticTest {

    @Test
    void should_learn_which_feature_separates_the_labels() {
        // given: the label follows the first feature; the second is noise on a much larger scale
        Random random = new Random(7);
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double signal = random.nextGaussian();
            x.add(new double[] {signal, 1000 * random.nextGaussian()});
            y.add(signal + 0.3 * random.nextGaussian() > 0.5);
        }
        // when
        Logistic model = Logistic.fit(List.of("signal", "noise"), x, y, 1.0, true);
        // then
        assertThat(model.weights()[0]).isGreaterThan(2);
        assertThat(Math.abs(model.weights()[1])).isLessThan(0.5);
        assertThat(model.probability(new double[] {2, 0})).isGreaterThan(0.9);
        assertThat(model.probability(new double[] {-1, 0})).isLessThan(0.1);
    }

    @Test
    void should_weigh_a_rare_label_as_much_as_a_common_one_when_balanced() {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            x.add(new double[] {i < 5 ? 1 : 0});
            y.add(i < 5);
        }
        Logistic balanced = Logistic.fit(List.of("f"), x, y, 1.0, true);
        Logistic plain = Logistic.fit(List.of("f"), x, y, 1.0, false);

        assertThat(balanced.probability(new double[] {1})).isGreaterThan(0.5);
        assertThat(balanced.probability(new double[] {0})).isLessThan(0.5);
        assertThat(plain.probability(new double[] {0})).isLessThan(balanced.probability(new double[] {0}));
    }

    @Test
    void should_refuse_features_of_the_wrong_length() {
        Logistic model = new Logistic(List.of("a"), new double[] {0}, new double[] {1}, new double[] {1}, 0);
        assertThatThrownBy(() -> model.probability(new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
    }
}

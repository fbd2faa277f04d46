package dev.footnote.evidence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.footnote.text.Text;

/**
 * The words of a question, weighted by how rare they are among the sentences an answer is chosen from
 * (inverse document frequency over those sentences). A word in every candidate sentence, such as the
 * subject all retrieved passages share, says little about which sentence answers; a rare one says much.
 * Words are compared by a light stem, so that "agents" meets "agent" and "trained" meets "training".
 */
final class QuestionTerms {

    private final Map<String, Double> weights = new HashMap<>();
    private final double total;

    QuestionTerms(String question, List<String> sentences) {
        Set<String> terms = stems(question);
        Map<String, Integer> frequency = new HashMap<>();
        for (String sentence : sentences) {
            for (String stem : stems(sentence)) {
                if (terms.contains(stem)) {
                    frequency.merge(stem, 1, Integer::sum);
                }
            }
        }
        double sum = 0;
        for (String term : terms) {
            double weight = Math.log(1 + (sentences.size() + 1.0) / (frequency.getOrDefault(term, 0) + 1.0));
            weights.put(term, weight);
            sum += weight;
        }
        this.total = sum;
    }

    /** The weighted share of the question's words that {@code text} holds, in [0, 1]. */
    double coverage(String text) {
        if (total == 0) {
            return 0;
        }
        double found = 0;
        for (String stem : stems(text)) {
            found += weights.getOrDefault(stem, 0.0);
        }
        return Math.min(1, found / total);
    }

    static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        for (String word : Text.words(text)) {
            if (word.length() >= 3 || word.chars().allMatch(Character::isDigit)) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    /** A light stem: common inflections off, then at most six letters ("training" and "trained": "train"). */
    static String stem(String word) {
        String w = word;
        for (String suffix : new String[] {"ing", "ed", "es", "s", "ly"}) {
            if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
                w = w.substring(0, w.length() - suffix.length());
                break;
            }
        }
        return w.length() > 6 ? w.substring(0, 6) : w;
    }
}

package dev.footnote.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds what each essay is about, as two-word phrases that it repeats and the other essays hardly use
 * ("centaur chess", "DGX Spark"). Both words must be rare across the collection on their own too, which
 * leaves out pairs built on function words without a list of them.
 */
public final class TopicPhrases {

    /** A word found in more than this share of the essays is too common to name a topic. */
    static final double MAX_WORD_SHARE = 0.25;
    /** A phrase must recur in its essay. */
    static final int MIN_OCCURRENCES = 3;
    /** A phrase found in more essays than this names no single one. */
    static final int MAX_PHRASE_ESSAYS = 2;

    /** A word, hyphenated compounds and apostrophes included ("multiple-choice", "model's"). */
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*(?:[-'’]\\p{L}[\\p{L}\\p{N}]*)*");

    /** One essay's best phrase, as written in it, and how strongly it marks that essay. */
    public record Topic(String essayId, String phrase, double weight) {
    }

    private TopicPhrases() {
    }

    /** The best phrase of each essay that has one, strongest first. */
    public static List<Topic> of(Map<String, String> textByEssay) {
        Map<String, Map<String, Phrase>> phrasesByEssay = new HashMap<>();
        Map<String, Integer> wordEssays = new HashMap<>();
        Map<String, Integer> phraseEssays = new HashMap<>();
        textByEssay.forEach((id, text) -> {
            Set<String> words = new HashSet<>();
            Map<String, Phrase> phrases = pairs(text, words);
            phrasesByEssay.put(id, phrases);
            words.forEach(word -> wordEssays.merge(word, 1, Integer::sum));
            phrases.keySet().forEach(phrase -> phraseEssays.merge(phrase, 1, Integer::sum));
        });
        int essays = textByEssay.size();
        List<Topic> topics = new ArrayList<>();
        phrasesByEssay.forEach((id, phrases) -> phrases.values().stream()
                .filter(phrase -> phrase.count >= MIN_OCCURRENCES)
                .filter(phrase -> phraseEssays.get(phrase.key) <= MAX_PHRASE_ESSAYS)
                .filter(phrase -> phrase.words().allMatch(word -> wordEssays.get(word) <= MAX_WORD_SHARE * essays))
                .map(phrase -> new Topic(id, phrase.commonestForm(),
                        phrase.count * Math.log((double) essays / phraseEssays.get(phrase.key))))
                .max(Comparator.comparingDouble(Topic::weight))
                .ifPresent(topics::add));
        topics.sort(Comparator.comparingDouble(Topic::weight).reversed().thenComparing(Topic::essayId));
        return topics;
    }

    /** Adjacent word pairs of {@code text} that no punctuation separates; collects its words on the way. */
    private static Map<String, Phrase> pairs(String text, Set<String> words) {
        Map<String, Phrase> phrases = new HashMap<>();
        Matcher matcher = WORD.matcher(text);
        String previous = null;
        int previousEnd = -1;
        int previousStart = -1;
        while (matcher.find()) {
            String word = matcher.group();
            words.add(word.toLowerCase(Locale.ROOT));
            if (previous != null && text.substring(previousEnd, matcher.start()).equals(" ")) {
                String form = text.substring(previousStart, matcher.end());
                phrases.computeIfAbsent(form.toLowerCase(Locale.ROOT), Phrase::new).add(form);
            }
            previous = word;
            previousStart = matcher.start();
            previousEnd = matcher.end();
        }
        return phrases;
    }

    private static final class Phrase {
        final String key;
        final Map<String, Integer> forms = new HashMap<>();
        int count;

        Phrase(String key) {
            this.key = key;
        }

        void add(String form) {
            forms.merge(form, 1, Integer::sum);
            count++;
        }

        Stream<String> words() {
            return Arrays.stream(key.split(" "));
        }

        /** In lower case if it is ever written so (capitals then only start a sentence), else as most often. */
        String commonestForm() {
            if (forms.containsKey(key)) {
                return key;
            }
            return forms.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        }
    }
}

package dev.footnote.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.footnote.bench.SourceIndex.Window;

/**
 * Questions never asked before, so that the server's query-embedding cache cannot answer any of them: each is a run
 * of 4 to 10 consecutive words of a random sentence of the source index, put in one of a few question forms, and no
 * string is handed out twice.
 */
final class ScaleQuestions {

    private static final String[] FORMS = {
        "What does the essay say about %s?", "Why %s?", "Who argues that %s?", "How %s?",
        "Is it true that %s?", "What is meant by \"%s\"?", "Which essay mentions %s?", "%s",
    };

    private final List<Window> windows;
    private final Random random;
    private final Set<String> asked = new LinkedHashSet<>();

    ScaleQuestions(SourceIndex source, long seed) {
        this.windows = source.windows();
        this.random = new Random(seed);
    }

    /** The given number of questions, none of them asked before by this generator. */
    List<String> next(int count) {
        List<String> questions = new ArrayList<>(count);
        while (questions.size() < count) {
            Window window = windows.get(random.nextInt(windows.size()));
            String[] words = window.sentences().get(random.nextInt(window.sentences().size()))
                    .replaceAll("[?\"“”]", "").split("\\s+");
            if (words.length < 4) {
                continue;
            }
            int length = Math.min(words.length, 4 + random.nextInt(7));
            int start = random.nextInt(words.length - length + 1);
            String fragment = String.join(" ", Arrays.copyOfRange(words, start, start + length))
                    .replaceAll("[.,;:!]+$", "");
            String question = String.format(FORMS[random.nextInt(FORMS.length)], fragment);
            if (asked.add(question)) {
                questions.add(question);
            }
        }
        return questions;
    }
}

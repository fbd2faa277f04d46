package dev.footnote.examples;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.footnote.chat.AnswerPipeline;
import dev.footnote.index.EssayHashes;
import dev.footnote.index.EssayRecord;
import dev.footnote.index.EssayText;
import dev.footnote.index.Index;

/**
 * Questions a newcomer can try, drawn from the essays being served: each asks what an author says about a
 * phrase that marks one essay ({@link TopicPhrases}), and is kept only if Footnote answers it from the essays.
 * Worked out again whenever the served essays change.
 */
@ApplicationScoped
public class ExampleQuestions {

    /** At most this many phrases are tried, so that a collection with few answerable ones stays quick. */
    private static final int MAX_TRIED = 12;

    private final Index index;
    private final AnswerPipeline pipeline;
    private Map<String, EssayHashes> examplesFor;
    private int examplesWanted;
    private List<Example> examples = List.of();

    /** A question to try, and the essay its phrase comes from. */
    public record Example(String question, String essayId, String essayTitle) {
    }

    public ExampleQuestions(Index index, AnswerPipeline pipeline) {
        this.index = index;
        this.pipeline = pipeline;
    }

    /** Up to {@code count} example questions, each from a different essay (and author, while there are others). */
    public synchronized List<Example> examples(int count) {
        Map<String, EssayHashes> served = index.servedHashes();
        if (!served.equals(examplesFor) || examples.size() < count && examplesWanted < count) {
            examples = findExamples(count);
            examplesFor = served;
            examplesWanted = count;
        }
        return examples.subList(0, Math.min(count, examples.size()));
    }

    /** Tries the strongest phrases until {@code count} answerable questions by different authors are found. */
    private List<Example> findExamples(int count) {
        Map<String, EssayRecord> essays = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (EssayText text : index.essayTexts()) {
            EssayRecord essay = text.essay();
            essays.put(essay.id(), essay);
            texts.put(essay.id(), essay.title() + "\n\n" + text.body());
        }
        List<Example> found = new ArrayList<>();
        List<Example> sameAuthor = new ArrayList<>();
        Set<String> authors = new HashSet<>();
        List<TopicPhrases.Topic> topics = TopicPhrases.of(texts);
        for (TopicPhrases.Topic topic : topics.subList(0, Math.min(MAX_TRIED, topics.size()))) {
            EssayRecord essay = essays.get(topic.essayId());
            String question = question(essay.author(), topic.phrase());
            if (pipeline.covers(question)) {
                Example example = new Example(question, essay.id(), essay.title());
                (essay.author() == null || authors.add(essay.author()) ? found : sameAuthor).add(example);
                if (found.size() == count) {
                    break;
                }
            }
        }
        found.addAll(sameAuthor);
        return List.copyOf(found);
    }

    static String question(String author, String phrase) {
        return author == null ? "What do the essays say about " + phrase + "?"
                : "What does " + author + " say about " + phrase + "?";
    }
}

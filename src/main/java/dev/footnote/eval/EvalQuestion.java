package dev.footnote.eval;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of an evaluation set: a question and the verbatim evidence that answers it ({@code kind: none}
 * questions have none: the essays do not answer them).
 *
 * @param kind  {@code fact}, {@code opinion}, {@code number}, {@code who}, {@code multi} or {@code none}
 * @param style how it is written: {@code short} (typed into a chat box), {@code natural} or
 *              {@code descriptive} (names the essay by its argument, then asks), {@code author} (names the
 *              essay's author); absent in older sets
 * @param group the paraphrase group: questions with the same group ask one thing in other words; absent if none
 * @param followUpOf the id of the question this one follows in a conversation ("and the scout pattern?"); absent
 *              for a question that stands on its own
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalQuestion(String id, String question, String kind, String style, String evidence,
        String evidence2, @JsonProperty("essay_title") String essayTitle, String author, String group,
        @JsonProperty("follow_up_of") String followUpOf) {

    /** A question of an older set, which has no paraphrase groups. */
    public EvalQuestion(String id, String question, String kind, String style, String evidence, String evidence2,
            String essayTitle, String author) {
        this(id, question, kind, style, evidence, evidence2, essayTitle, author, null, null);
    }

    /** Whether the question names the author of the essay that answers it. */
    public boolean namesAuthor() {
        return "author".equals(style) && author != null && !author.isBlank();
    }

    public boolean answerable() {
        return !"none".equals(kind);
    }

    public List<String> evidences() {
        List<String> all = new ArrayList<>();
        if (evidence != null && !evidence.isBlank()) {
            all.add(evidence);
        }
        if (evidence2 != null && !evidence2.isBlank()) {
            all.add(evidence2);
        }
        return all;
    }
}

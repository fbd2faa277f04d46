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
 *              {@code descriptive} (names the essay by its argument, then asks); absent in older sets
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalQuestion(String id, String question, String kind, String style, String evidence,
        String evidence2, @JsonProperty("essay_title") String essayTitle, String author) {

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

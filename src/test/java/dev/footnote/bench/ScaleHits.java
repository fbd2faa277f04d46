package dev.footnote.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.eval.EvidenceMatcher;

/**
 * Hit@5 of an evaluation set in the big corpus: the share of its answerable questions whose evidence is in one of
 * the top 5 passages of {@code GET /api/passages}, judged as {@code eval} judges it ({@link EvidenceMatcher}).
 */
final class ScaleHits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScaleHits() {
    }

    static double measure(ScaleLatency client, Path questions) throws Exception {
        int asked = 0;
        int hit = 0;
        for (String line : Files.readAllLines(questions)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode question = JSON.readTree(line);
            List<String> evidences = new ArrayList<>();
            for (String field : List.of("evidence", "evidence2")) {
                if (question.hasNonNull(field) && !question.get(field).asText().isBlank()) {
                    evidences.add(question.get(field).asText());
                }
            }
            if (evidences.isEmpty()) {
                continue;
            }
            EvidenceMatcher matcher = new EvidenceMatcher(evidences);
            asked++;
            for (JsonNode passage : JSON.readTree(client.passages(question.get("question").asText(), 5))
                    .get("passages")) {
                if (matcher.hits(passage.get("text").asText())) {
                    hit++;
                    break;
                }
            }
        }
        return asked == 0 ? 0 : hit / (double) asked;
    }
}

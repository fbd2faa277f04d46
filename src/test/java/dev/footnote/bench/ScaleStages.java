package dev.footnote.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a round of searches spent its time, from the server's own stage timers ({@code footnote.search.stage}:
 * embed, retrieve, rerank, read from {@code /q/metrics}): the mean per search of each stage between two readings.
 */
final class ScaleStages {

    private static final Pattern LINE = Pattern.compile(
            "footnote_search_stage_seconds_(sum|count)\\{stage=\"(\\w+)\"[^}]*} ([0-9.Ee+-]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ScaleStages(String base) {
        this.base = base;
    }

    /** Per stage: total seconds and count so far. */
    Map<String, double[]> read() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, double[]> stages = new TreeMap<>();
        Matcher line = LINE.matcher(metrics);
        while (line.find()) {
            stages.computeIfAbsent(line.group(2), stage -> new double[2])[line.group(1).equals("sum") ? 0 : 1] =
                    Double.parseDouble(line.group(3));
        }
        return stages;
    }

    /** "embed 12.3 ms, retrieve 45.6 ms, …": the mean per search between two readings. */
    static String since(Map<String, double[]> before, Map<String, double[]> after) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, double[]> stage : after.entrySet()) {
            double[] then = before.getOrDefault(stage.getKey(), new double[2]);
            double count = stage.getValue()[1] - then[1];
            if (count > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f ms",
                        stage.getKey(), 1000 * (stage.getValue()[0] - then[0]) / count));
            }
        }
        return text.toString();
    }
}

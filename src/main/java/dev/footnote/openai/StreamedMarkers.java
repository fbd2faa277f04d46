package dev.footnote.openai;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers the markers of a draft as it streams the way the checked answer will number them. In a draft,
 * {@code [r]} cites the r-th retrieved passage; the checked answer numbers its citations 1..m in order of first
 * use, and drops markers that point at no passage. When every claim holds and each cited passage gives one quote,
 * which is always so for the offline answerer, the draft so numbered is the checked answer character for
 * character. A marker cut between two pieces is held back until it is whole.
 */
final class StreamedMarkers {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+(?:\\s*,\\s*\\d+)*)]");
    /** The start of a marker at the end of what has come so far: {@code [}, {@code [1}, {@code [1, }. */
    private static final Pattern OPEN = Pattern.compile("\\[[\\d,\\s]*$");
    /** Longer than any marker: text held back this long was no marker. */
    private static final int MAX_HELD = 64;

    private final Map<Integer, Integer> numbers = new HashMap<>();
    private final StringBuilder held = new StringBuilder();
    private int passages = Integer.MAX_VALUE;

    /** How many passages were retrieved: a marker beyond them points at nothing. */
    void passages(int count) {
        passages = count;
    }

    /** What to send of {@code piece} now, markers numbered; a marker's unfinished start is held back. */
    String accept(String piece) {
        held.append(piece);
        int end = held.length();
        Matcher open = OPEN.matcher(held);
        if (open.find() && held.length() - open.start() <= MAX_HELD) {
            end = open.start();
        }
        String ready = renumber(held.substring(0, end));
        held.delete(0, end);
        return ready;
    }

    /** What is still held back, at the end of the draft. */
    String flush() {
        String rest = renumber(held.toString());
        held.setLength(0);
        return rest;
    }

    private String renumber(String text) {
        Matcher marker = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (marker.find()) {
            Set<Integer> cited = new LinkedHashSet<>();
            for (String number : marker.group(1).split("\\s*,\\s*")) {
                int rank = number.length() > 4 ? 0 : Integer.parseInt(number);
                if (rank >= 1 && rank <= passages) {
                    cited.add(numbers.computeIfAbsent(rank, r -> numbers.size() + 1));
                }
            }
            StringBuilder replacement = new StringBuilder();
            cited.forEach(n -> replacement.append('[').append(n).append(']'));
            marker.appendReplacement(out, Matcher.quoteReplacement(replacement.toString()));
        }
        marker.appendTail(out);
        return out.toString();
    }
}

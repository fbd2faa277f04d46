package dev.footnote.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.footnote.text.Hashes;
import dev.footnote.text.Text;

/**
 * Merges copies of one essay found in several places into one {@link Essay}.
 *
 * <p><b>The rule:</b> two copies are the same essay when at least {@value #SAME_ESSAY} of the shorter copy's
 * five-word shingles occur in the longer one, and their titles agree (equal after normalisation, or one of
 * them has no title). This catches identical reposts, a truncated excerpt of a longer post, and copies that
 * differ in layout, quotes, a missing introduction or footnotes. The merged essay keeps the most complete
 * copy's text (most shingles), a real title and byline from whichever copy has one, and every source file.
 */
final class DuplicateMerger {

    static final double SAME_ESSAY = 0.8;
    private static final int DERIVED_TITLE_WORDS = 8;

    List<Essay> merge(List<EssayCopy> copies) {
        List<Shingles> shingles = copies.stream().map(c -> Shingles.of(c.bodyText())).toList();
        int[] group = new int[copies.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        for (int i = 0; i < copies.size(); i++) {
            for (int j = i + 1; j < copies.size(); j++) {
                if (sameEssay(copies.get(i), shingles.get(i), copies.get(j), shingles.get(j))) {
                    union(group, i, j);
                }
            }
        }
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < copies.size(); i++) {
            members.computeIfAbsent(find(group, i), k -> new ArrayList<>()).add(i);
        }
        List<Essay> essays = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (List<Integer> indexes : members.values()) {
            essays.add(toEssay(indexes, copies, shingles, ids));
        }
        return essays;
    }

    private static boolean sameEssay(EssayCopy a, Shingles sa, EssayCopy b, Shingles sb) {
        if (a.title() != null && b.title() != null && !Text.normalize(a.title()).equals(Text.normalize(b.title()))) {
            return false;
        }
        if (sa.isEmpty() || sb.isEmpty()) {
            return Text.normalize(a.bodyText()).equals(Text.normalize(b.bodyText()));
        }
        Shingles shorter = sa.size() <= sb.size() ? sa : sb;
        Shingles longer = shorter == sa ? sb : sa;
        return shorter.containedIn(longer) >= SAME_ESSAY;
    }

    private static Essay toEssay(List<Integer> indexes, List<EssayCopy> copies, List<Shingles> shingles,
            Set<String> usedIds) {
        List<EssayCopy> group = indexes.stream().map(copies::get).toList();
        EssayCopy body = indexes.stream()
                .max(Comparator.<Integer>comparingInt(i -> shingles.get(i).size())
                        .thenComparing(i -> -i))
                .map(copies::get).orElseThrow();
        String title = firstNonNull(body.title(), group.stream().map(EssayCopy::title));
        String author = firstNonNull(body.author(), group.stream().map(EssayCopy::author));
        String date = firstNonNull(body.date(), group.stream().map(EssayCopy::date));
        String url = firstNonNull(body.url(), group.stream().map(EssayCopy::url));
        List<String> sources = new ArrayList<>();
        sources.add(body.source());
        group.stream().map(EssayCopy::source).sorted().filter(s -> !sources.contains(s)).forEach(sources::add);
        boolean derived = title == null;
        String label = derived ? derivedTitle(body.bodyText()) : title;
        String id = uniqueId(derived ? "text:" + String.join(" ", Text.words(body.bodyText()).stream()
                .limit(20).toList()) : "title:" + Text.normalize(title) + "|" + Text.normalize(
                        Objects.requireNonNullElse(author, "")), usedIds);
        return new Essay(id, label, derived, author, date, url, sources, body);
    }

    private static String firstNonNull(String preferred, java.util.stream.Stream<String> others) {
        return preferred != null ? preferred : others.filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** A label for an untitled essay: its first words and an ellipsis. Marked as derived on the essay. */
    static String derivedTitle(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length <= DERIVED_TITLE_WORDS) {
            return String.join(" ", words);
        }
        return java.util.Arrays.stream(words).limit(DERIVED_TITLE_WORDS).collect(Collectors.joining(" ")) + " …";
    }

    private static String uniqueId(String key, Set<String> usedIds) {
        String id = Hashes.sha256(key).substring(0, 12);
        for (int n = 2; !usedIds.add(id); n++) {
            id = Hashes.sha256(key + "#" + n).substring(0, 12);
        }
        return id;
    }

    private static int find(int[] group, int i) {
        while (group[i] != i) {
            group[i] = group[group[i]];
            i = group[i];
        }
        return i;
    }

    private static void union(int[] group, int i, int j) {
        group[find(group, j)] = find(group, i);
    }
}

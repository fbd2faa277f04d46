package dev.footnote.corpus;

import java.util.ArrayList;
import java.util.List;

import dev.footnote.text.Span;
import dev.footnote.text.Text;

/**
 * Splits a file of untitled essays written one after another (one paragraph per line, no titles, no
 * separators) into essays, by two signals that do not depend on guessing topics:
 * <ol>
 *   <li><b>Known copies.</b> A run of lines whose wording comes from an essay already read from a titled
 *   file is a copy of that essay: it becomes an essay of its own, bounded by where the matching starts and
 *   stops, and is later merged with the titled copy.</li>
 *   <li><b>Footnote blocks.</b> A run of lines ending in a return arrow ({@code ↩︎}) closes an essay.</li>
 * </ol>
 * One-word lines and in-essay headings are never boundaries. A stretch without either signal stays one
 * essay: the file may thus yield fewer essays than it holds, but never splits one essay in two.
 */
final class ConcatenationSplitter {

    /** Share of a line's shingles that must occur in a known essay for the line to count as copied from it. */
    static final double LINE_MATCH = 0.6;
    /** A copied run shorter than this many words is a quotation, not a copy. */
    static final int MIN_COPY_WORDS = 40;
    private static final int UNMATCHED = -1;

    /**
     * The wording of the essays read from titled files, taken once per corpus: every untitled file is matched
     * against the same essays, and a corpus of many untitled files would otherwise take their shingles again for
     * each file.
     */
    static List<Shingles> knownWording(List<EssayCopy> known) {
        return known.stream().map(essay -> Shingles.of(essay.bodyText())).toList();
    }

    /** The essays of one untitled file, with {@code known} the {@link #knownWording} of the titled essays. */
    List<EssayCopy> split(String source, String fileText, List<Line> allLines, List<Shingles> known) {
        List<Line> lines = allLines.stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        int[] copyOf = matchKnownEssays(fileText, lines, known);
        List<EssayCopy> essays = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= lines.size(); i++) {
            if (i == lines.size() || isBoundary(fileText, lines, copyOf, i)) {
                List<Span> paragraphs = lines.subList(start, i).stream().map(Line::content).toList();
                essays.add(new EssayCopy(source, fileText, null, null, null, paragraphs));
                start = i;
            }
        }
        return essays;
    }

    /** Whether an essay ends just before line {@code i}. */
    private static boolean isBoundary(String fileText, List<Line> lines, int[] copyOf, int i) {
        if (copyOf[i] != copyOf[i - 1]) {
            return true;
        }
        return copyOf[i] == UNMATCHED && isFootnote(fileText, lines.get(i - 1))
                && !isFootnote(fileText, lines.get(i));
    }

    static boolean isFootnote(String fileText, Line line) {
        String text = line.text(fileText).replace("\uFE0F", "").replace("\uFE0E", "");
        return text.endsWith("↩");
    }

    /** For each line, the index in {@code known} of the essay it was copied from, or {@link #UNMATCHED}. */
    private static int[] matchKnownEssays(String fileText, List<Line> lines, List<Shingles> knownShingles) {
        int[] copyOf = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            copyOf[i] = bestMatch(Shingles.of(lines.get(i).text(fileText)), knownShingles);
        }
        fillShortLines(copyOf, fileText, lines);
        dropShortRuns(copyOf, fileText, lines);
        return copyOf;
    }

    private static int bestMatch(Shingles line, List<Shingles> known) {
        if (line.isEmpty()) {
            return UNMATCHED;
        }
        int best = UNMATCHED;
        double bestShare = LINE_MATCH;
        for (int k = 0; k < known.size(); k++) {
            double share = line.containedIn(known.get(k));
            if (share >= bestShare) {
                best = k;
                bestShare = share;
            }
        }
        return best;
    }

    /** Lines too short to have shingles belong to a copy when the lines around them both do. */
    private static void fillShortLines(int[] copyOf, String fileText, List<Line> lines) {
        for (int i = 0; i < copyOf.length; i++) {
            if (copyOf[i] != UNMATCHED || !Shingles.of(lines.get(i).text(fileText)).isEmpty()) {
                continue;
            }
            int before = i - 1;
            int after = i + 1;
            while (after < copyOf.length && Shingles.of(lines.get(after).text(fileText)).isEmpty()) {
                after++;
            }
            if (before >= 0 && after < copyOf.length && copyOf[before] != UNMATCHED
                    && copyOf[before] == copyOf[after]) {
                copyOf[i] = copyOf[before];
            }
        }
    }

    private static void dropShortRuns(int[] copyOf, String fileText, List<Line> lines) {
        int start = 0;
        for (int i = 1; i <= copyOf.length; i++) {
            if (i == copyOf.length || copyOf[i] != copyOf[start]) {
                if (copyOf[start] != UNMATCHED && words(fileText, lines.subList(start, i)) < MIN_COPY_WORDS) {
                    java.util.Arrays.fill(copyOf, start, i, UNMATCHED);
                }
                start = i;
            }
        }
    }

    private static int words(String fileText, List<Line> lines) {
        return lines.stream().mapToInt(l -> Text.words(l.text(fileText)).size()).sum();
    }
}

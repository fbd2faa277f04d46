package dev.footnote.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.corpus.CorpusLocation;
import dev.footnote.corpus.CorpusReader;
import dev.footnote.text.Hashes;
import dev.footnote.text.Sentences;
import dev.footnote.text.Span;
import dev.footnote.text.Text;

/**
 * Re-checks citations against the corpus files as they are now: is each quote still where it was cited
 * ({@code exact}), elsewhere in its file ({@code moved}), gone ({@code changed}, with the closest sentence), or is
 * the file gone ({@code missing})? Only exact text counts: a quote that differs by one character is not found.
 * Reads the files only, never the index, so that it judges the files, not what was indexed from them.
 */
@Singleton
public class CitationVerifier {

    /** At most this many citations per check: an answer has a handful. */
    public static final int MAX_CITATIONS = 100;

    private final Path folder;

    @Inject
    public CitationVerifier(CorpusLocation corpus) {
        this(corpus.folder());
    }

    CitationVerifier(Path folder) {
        this.folder = folder;
    }

    public VerifyReport verify(List<CitedQuote> citations) {
        if (citations.isEmpty()) {
            throw new InvalidCitationException("there are no citations to verify");
        }
        if (citations.size() > MAX_CITATIONS) {
            throw new InvalidCitationException("at most " + MAX_CITATIONS + " citations can be verified at once, not "
                    + citations.size());
        }
        citations.forEach(CitationVerifier::validate);
        return VerifyReport.of(citations.stream().map(this::check).toList());
    }

    private static void validate(CitedQuote citation) {
        String which = citation.n() == null ? "a citation" : "citation " + citation.n();
        if (citation.quote() == null || citation.quote().isEmpty()) {
            throw new InvalidCitationException(which + " has no quote");
        }
        if (citation.source() == null || citation.source().isBlank()) {
            throw new InvalidCitationException(which + " has no source file");
        }
        if (!isFileName(citation.source())) {
            throw new InvalidCitationException(which + ": \"" + citation.source() + "\" is not the name of a file "
                    + "in the corpus folder");
        }
        if (citation.start() < 0 || citation.end() < citation.start()) {
            throw new InvalidCitationException(which + ": start and end must be offsets with 0 <= start <= end");
        }
    }

    /** A plain file name: no folders, so that a citation cannot point outside the corpus folder. */
    private static boolean isFileName(String source) {
        return !source.contains("/") && !source.contains("\\") && !source.equals(".") && !source.equals("..")
                && source.indexOf('\0') < 0;
    }

    QuoteCheck check(CitedQuote citation) {
        int citedStart = citation.quoteStart();
        int citedEnd = citation.quoteEnd();
        Path file = folder.resolve(citation.source());
        Optional<String> read = CorpusReader.readText(file);
        if (read.isEmpty()) {
            return new QuoteCheck(citation.n(), QuoteStatus.MISSING, citation.source(), citation.quote(), citedStart,
                    citedEnd, citedStart, citedEnd, null, null);
        }
        String text = read.get();
        Boolean unchanged = citation.sha256() == null ? null
                : citation.sha256().equalsIgnoreCase(Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8)));
        String quote = citation.quote();
        if (citedEnd <= text.length() && text.startsWith(quote, citedStart)) {
            return new QuoteCheck(citation.n(), QuoteStatus.EXACT, citation.source(), quote, citedStart, citedEnd,
                    citedStart, citedEnd, unchanged, null);
        }
        int moved = nearestOccurrence(text, quote, citedStart);
        if (moved >= 0) {
            return new QuoteCheck(citation.n(), QuoteStatus.MOVED, citation.source(), quote, moved,
                    moved + quote.length(), citedStart, citedEnd, unchanged, null);
        }
        return new QuoteCheck(citation.n(), QuoteStatus.CHANGED, citation.source(), quote, citedStart, citedEnd,
                citedStart, citedEnd, unchanged, closestSentence(text, quote, citedStart));
    }

    /** The occurrence of {@code quote} in {@code text} nearest to where it was, or -1. */
    static int nearestOccurrence(String text, String quote, int near) {
        int best = -1;
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) {
                best = at;
            }
        }
        return best;
    }

    /**
     * The sentence sharing the largest share of the quote's words (Dice coefficient over distinct words), the
     * nearest to where the quote stood among equals; {@code null} when no sentence shares a word.
     */
    static QuoteCheck.ClosestSentence closestSentence(String text, String quote, int near) {
        Set<String> quoteWords = new HashSet<>(Text.words(quote));
        Span best = null;
        double bestScore = 0;
        for (Span sentence : Sentences.of(text)) {
            Set<String> words = new HashSet<>(Text.words(sentence.of(text)));
            if (words.isEmpty()) {
                continue;
            }
            long shared = words.stream().filter(quoteWords::contains).count();
            double score = 2.0 * shared / (words.size() + quoteWords.size());
            boolean nearer = best != null && score == bestScore
                    && Math.abs(sentence.start() - near) < Math.abs(best.start() - near);
            if (score > bestScore || nearer) {
                best = sentence;
                bestScore = score;
            }
        }
        return best == null ? null : new QuoteCheck.ClosestSentence(best.of(text), best.start(), best.end());
    }
}

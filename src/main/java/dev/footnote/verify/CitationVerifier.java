package dev.footnote.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.corpus.CorpusLocation;
import dev.footnote.corpus.CorpusReader;
import dev.footnote.index.Index;
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

    /** At most this many citations per check: an answer cites at most the 50 passages it may retrieve. */
    public static final int MAX_CITATIONS = 50;
    /** A check that has run this long stops before its next citation, so that no request can hold a core. */
    static final Duration BUDGET = Duration.ofSeconds(5);

    private final Supplier<Path> folder;

    /**
     * Checks against the folder the served index was read from ({@code reindex --corpus DIR} records it), or, when
     * no reindex recorded one that still exists, the configured corpus folder.
     */
    @Inject
    public CitationVerifier(CorpusLocation corpus, Index index) {
        this(() -> indexedFolder(index.corpusFolder(), corpus::folder));
    }

    CitationVerifier(Path folder) {
        this(() -> folder);
    }

    private CitationVerifier(Supplier<Path> folder) {
        this.folder = folder;
    }

    /** The folder answers were cited from: the one recorded, if it is still there, else the configured one. */
    static Path indexedFolder(Optional<Path> recorded, Supplier<Path> configured) {
        return recorded.filter(Files::isDirectory).orElseGet(configured);
    }

    /** The citations, checked against the files of the folder the served index was read from. */
    public VerifyReport verify(List<CitedQuote> citations) {
        return verify(citations, folder.get());
    }

    /** The citations, checked against the files of {@code folder}. */
    public VerifyReport verify(List<CitedQuote> citations, Path folder) {
        if (citations.isEmpty()) {
            throw new InvalidCitationException("there are no citations to verify");
        }
        if (citations.size() > MAX_CITATIONS) {
            throw new TooManyCitationsException("at most " + MAX_CITATIONS + " citations can be verified at once, "
                    + "not " + citations.size());
        }
        citations.forEach(CitationVerifier::validate);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        Map<String, Optional<SourceText>> sources = new HashMap<>();
        List<QuoteCheck> checks = new ArrayList<>();
        for (CitedQuote citation : citations) {
            if (System.nanoTime() > deadline) {
                throw new VerificationBudgetException("checking these citations took longer than "
                        + BUDGET.toSeconds() + " s; " + checks.size() + " of " + citations.size()
                        + " were checked: verify fewer at once");
            }
            checks.add(check(citation, sources.computeIfAbsent(citation.source(), name -> read(folder, name))));
        }
        return VerifyReport.of(checks);
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

    /** One citation, checked alone. */
    QuoteCheck check(CitedQuote citation) {
        return check(citation, read(folder.get(), citation.source()));
    }

    private static Optional<SourceText> read(Path folder, String source) {
        return CorpusReader.readFile(folder.resolve(source)).map(file -> new SourceText(file.text(), file.sha256()));
    }

    private static QuoteCheck check(CitedQuote citation, Optional<SourceText> source) {
        int citedStart = citation.quoteStart();
        int citedEnd = citation.quoteEnd();
        if (source.isEmpty()) {
            return new QuoteCheck(citation.n(), QuoteStatus.MISSING, citation.source(), citation.quote(), citedStart,
                    citedEnd, citedStart, citedEnd, null, null);
        }
        String text = source.get().text();
        Boolean unchanged = citation.sha256() == null ? null
                : citation.sha256().equalsIgnoreCase(source.get().sha256());
        String quote = citation.quote();
        if (citedEnd <= text.length() && text.startsWith(quote, citedStart)) {
            return new QuoteCheck(citation.n(), QuoteStatus.EXACT, citation.source(), quote, citedStart, citedEnd,
                    citedStart, citedEnd, unchanged, null);
        }
        int moved = QuoteSearch.nearestOccurrence(text, quote, citedStart);
        if (moved >= 0) {
            return new QuoteCheck(citation.n(), QuoteStatus.MOVED, citation.source(), quote, moved,
                    moved + quote.length(), citedStart, citedEnd, unchanged, null);
        }
        return new QuoteCheck(citation.n(), QuoteStatus.CHANGED, citation.source(), quote, citedStart, citedEnd,
                citedStart, citedEnd, unchanged, closestSentence(source.get(), quote, citedStart));
    }

    /**
     * The sentence sharing the largest share of the quote's words (Dice coefficient over distinct words), the
     * nearest to where the quote stood among equals; {@code null} when no sentence shares a word.
     */
    static QuoteCheck.ClosestSentence closestSentence(SourceText source, String quote, int near) {
        String text = source.text();
        Set<String> quoteWords = new HashSet<>(Text.words(quote));
        Span best = null;
        double bestScore = 0;
        for (SourceText.WordedSentence worded : source.sentences()) {
            Span sentence = worded.span();
            Set<String> words = worded.words();
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

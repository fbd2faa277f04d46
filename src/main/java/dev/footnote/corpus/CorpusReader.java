package dev.footnote.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import dev.footnote.text.Hashes;

/**
 * Reads every essay of a corpus folder. Each file is recognised by its layout (feed page, category page, or
 * untitled concatenation), copies of one essay across files are merged, and unreadable files are skipped
 * with a warning that names them.
 */
public final class CorpusReader {

    private static final Logger LOG = Logger.getLogger(CorpusReader.class);
    /** Larger files are not essays scraped from a page; refusing them keeps a stray dump from stalling a run. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /** The formats with markup, each read by its own reader; other files are text, cut by the layouts. */
    private static final List<FormatReader> FORMATS = List.of(new MarkdownReader(), new HtmlReader(),
            new FeedReader());

    /** The layouts that name their essays, tried in turn on each file. */
    private final List<PageLayout> layouts = List.of(new FeedPageParser(), new CategoryPageParser(),
            new TitledTextLayout());
    private final ConcatenationSplitter concatenations = new ConcatenationSplitter();
    private final DuplicateMerger merger = new DuplicateMerger();

    public Corpus read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CorpusException("corpus folder not found: " + folder);
        }
        List<String> skipped = new ArrayList<>();
        for (Path link : links(folder)) {
            String reason = link.getFileName() + ": a symbolic link; Footnote reads only files in the corpus "
                    + "folder itself";
            LOG.warnf("Skipping essay file %s", reason);
            skipped.add(reason);
        }
        List<SourceFile> files = new ArrayList<>();
        Map<String, String> digests = new HashMap<>();
        for (Path path : listFiles(folder)) {
            String name = path.getFileName().toString();
            try {
                byte[] bytes = readBytes(path);
                files.add(SourceFile.read(name, decode(bytes)));
                digests.put(name, Hashes.sha256Hex(bytes));
            } catch (CorpusException | IOException e) {
                String reason = name + ": " + e.getMessage();
                LOG.warnf("Skipping essay file %s", reason);
                skipped.add(reason);
            }
        }
        return new Corpus(parse(files), skipped, digests);
    }

    /**
     * The SHA-256 of every file {@link #read} would read, by file name, without decoding or parsing any: what a
     * reindex compares with the digests the index recorded, to tell that nothing changed.
     */
    public Map<String, String> digests(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CorpusException("corpus folder not found: " + folder);
        }
        Map<String, String> digests = new HashMap<>();
        for (Path path : listFiles(folder)) {
            try {
                digests.put(path.getFileName().toString(), Hashes.sha256Hex(readBytes(path)));
            } catch (CorpusException | IOException e) {
                digests.put(path.getFileName().toString(), "unreadable");
            }
        }
        return digests;
    }

    /** Parses files already in memory: titled layouts first, so that untitled files can be matched to them. */
    List<Essay> parse(List<SourceFile> files) {
        List<EssayCopy> titled = new ArrayList<>();
        List<SourceFile> untitled = new ArrayList<>();
        for (SourceFile file : files) {
            if (file.essays() != null) {
                titled.addAll(file.essays());
                continue;
            }
            List<Line> lines = Line.split(file.text());
            layouts.stream().filter(layout -> layout.recognises(file.text(), lines)).findFirst().ifPresentOrElse(
                    layout -> titled.addAll(layout.parse(file.name(), file.text(), lines)), () -> untitled.add(file));
        }
        List<EssayCopy> copies = new ArrayList<>(titled);
        List<Shingles> known = untitled.isEmpty() ? List.of() : ConcatenationSplitter.knownWording(titled);
        for (SourceFile file : untitled) {
            copies.addAll(concatenations.split(file.name(), file.text(), Line.split(file.text()), known));
        }
        copies.sort(java.util.Comparator.comparing(EssayCopy::source)
                .thenComparingInt(c -> c.bodySpan().start()));
        return merger.merge(copies);
    }

    /**
     * The corpus files: regular files, not hidden, and not symbolic links, which could otherwise have a reindex
     * serve any file the process can read as an essay.
     */
    private static List<Path> listFiles(Path folder) {
        return entries(folder, path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static List<Path> links(Path folder) {
        return entries(folder, Files::isSymbolicLink);
    }

    private static List<Path> entries(Path folder, Predicate<Path> kind) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(kind)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpus folder " + folder, e);
        }
    }

    /**
     * The text of a file as every offset in Footnote counts it, or empty when it is not a corpus file: missing,
     * a symbolic link, too large, not UTF-8 text, markup without text. A text file counts as itself; Markdown,
     * HTML and feeds as their reading text ({@link ReadingText}).
     */
    public static Optional<String> readText(Path path) {
        return readFile(path).map(ReadFile::text);
    }

    /** A file as {@link #readText} reads it, with the SHA-256 of its bytes (as the index records it). */
    public record ReadFile(String text, String sha256) {
    }

    /** {@link #readText}, and the digest of the file's bytes. */
    public static Optional<ReadFile> readFile(Path path) {
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = readBytes(path);
            return Optional.of(new ReadFile(SourceFile.read(path.getFileName().toString(), decode(bytes)).text(),
                    Hashes.sha256Hex(bytes)));
        } catch (CorpusException | IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] readBytes(Path path) throws IOException {
        if (Files.size(path) > MAX_FILE_BYTES) {
            throw new CorpusException("larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
        }
        return Files.readAllBytes(path);
    }

    /** Strict UTF-8: a file that is binary or not valid UTF-8 is refused rather than read as mojibake. */
    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CorpusException("not valid UTF-8 text");
        }
        if (text.indexOf('\0') >= 0) {
            throw new CorpusException("binary content (NUL bytes)");
        }
        return text;
    }

    /**
     * A decoded source file: its text as offsets count it, and for a format with markup, the essays its reader
     * found (otherwise {@code null}: the layouts cut it).
     */
    record SourceFile(String name, String text, List<EssayCopy> essays) {

        SourceFile(String name, String text) {
            this(name, text, null);
        }

        /** The file read by its format: markup to its reading text, plain text as it is. */
        static SourceFile read(String name, String raw) {
            Optional<FormatReader> format = FORMATS.stream().filter(reader -> reader.reads(name)).findFirst();
            if (format.isEmpty()) {
                return new SourceFile(name, raw);
            }
            List<ReadEssay> essays;
            try {
                essays = format.get().read(name, raw);
            } catch (CorpusException e) {
                throw e;
            } catch (RuntimeException e) {
                // a parser's failure on one odd file skips that file, never the whole reindex
                throw new CorpusException("its markup could not be read");
            }
            return ReadEssays.copies(name, essays);
        }
    }
}

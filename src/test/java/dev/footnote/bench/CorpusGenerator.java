package dev.footnote.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import dev.footnote.bench.SourceIndex.Window;

/**
 * Made-up essays for the scale benchmark, written as COPY text for the four index tables, without the model.
 *
 * <p>Each generated passage takes its sentences from two or three windows of the source index, drawn at random,
 * until it is about as long as a real passage (900 characters or more); its text is therefore real prose with
 * real word statistics. It is embedded as exactly <b>one</b> window (real passages have about four), whose vector
 * is the normalised, randomly weighted sum of the vectors of the windows its sentences came from plus Gaussian
 * noise (σ = {@value #NOISE} per dimension: cosine about 0.93 to the clean mix): near the meaning of its text,
 * spread out rather than piled on the few thousand real vectors. Essays have 5 to 12 passages, a title of three to
 * six words of the source's vocabulary and one of a few hundred authors whose names are made of those words too.
 * Everything derives from one seed, so that a size always gives the same corpus.
 */
final class CorpusGenerator {

    static final double NOISE = 0.02;

    private static final HexFormat HEX = HexFormat.of();

    private final SourceIndex source;
    private final Random random;
    private final List<String> authors = new ArrayList<>();
    private final MessageDigest sha256;
    private int essays;

    CorpusGenerator(SourceIndex source, long seed) {
        this.source = source;
        this.random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            authors.add(capitalised(word()) + " " + capitalised(word()));
        }
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** COPY text of one batch of essays for each table of {@link SourceIndex#TABLES}, in that order. */
    record Batch(StringBuilder versions, StringBuilder essays, StringBuilder passages, StringBuilder embeddings,
            int passageCount) {

        List<StringBuilder> tables() {
            return List.of(versions, essays, passages, embeddings);
        }
    }

    /** Essays holding about {@code passages} passages in all (the last essay may be cut short to fit). */
    Batch next(int passages) {
        Batch batch = new Batch(new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder(),
                passages);
        int left = passages;
        while (left > 0) {
            int count = Math.min(left, 5 + random.nextInt(8));
            essay(batch, count);
            left -= count;
        }
        return batch;
    }

    private void essay(Batch batch, int count) {
        UUID version = uuid();
        String essayId = String.format(Locale.ROOT, "g%011x", essays++);
        String source = String.format(Locale.ROOT, "generated/essay-%07d.txt", essays);
        String title = title();
        StringBuilder body = new StringBuilder();
        for (int ordinal = 0; ordinal < count; ordinal++) {
            if (ordinal > 0) {
                body.append("\n\n");
            }
            int start = body.length();
            List<Window> from = new ArrayList<>();
            String text = passageText(from);
            body.append(text);
            UUID passage = uuid();
            String searchText = title + ".\n" + text;
            row(batch.passages(), passage, version, ordinal, source, start, start + text.length(), text, searchText,
                    text.length() * 10 / 46);
            row(batch.embeddings(), uuid(), vector(from), searchText, passage, version, hash(searchText));
        }
        String hash = hash(body.toString());
        row(batch.versions(), version, essayId, hash, hash(hash), title, "f", authors.get(random.nextInt(
                authors.size())), null, "{\"" + source + "\"}", source, 0, body, count, hash(source));
        row(batch.essays(), essayId, version);
    }

    private String passageText(List<Window> from) {
        List<Window> windows = source.windows();
        int mixed = 2 + random.nextInt(2);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < mixed; i++) {
            Window window = windows.get(random.nextInt(windows.size()));
            from.add(window);
            sentences.addAll(window.sentences());
        }
        StringBuilder text = new StringBuilder();
        while (text.length() < 900 && !sentences.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(sentences.remove(random.nextInt(sentences.size())));
        }
        return text.toString();
    }

    private String vector(List<Window> from) {
        int dimension = from.get(0).vector().length;
        double[] sum = new double[dimension];
        for (Window window : from) {
            double weight = 0.5 + random.nextDouble();
            for (int d = 0; d < dimension; d++) {
                sum[d] += weight * window.vector()[d];
            }
        }
        normalise(sum);
        for (int d = 0; d < dimension; d++) {
            sum[d] += random.nextGaussian() * NOISE;
        }
        normalise(sum);
        StringBuilder text = new StringBuilder(dimension * 11).append('[');
        for (int d = 0; d < dimension; d++) {
            text.append(d == 0 ? "" : ",").append((float) sum[d]);
        }
        return text.append(']').toString();
    }

    private static void normalise(double[] vector) {
        double norm = 0;
        for (double value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < vector.length; d++) {
            vector[d] /= norm;
        }
    }

    private String title() {
        int words = 3 + random.nextInt(4);
        StringBuilder title = new StringBuilder(capitalised(word()));
        for (int i = 1; i < words; i++) {
            title.append(' ').append(word());
        }
        return title.toString();
    }

    private String word() {
        return source.vocabulary().get(random.nextInt(source.vocabulary().size()));
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private UUID uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (2L << 62));
    }

    private String hash(String text) {
        return HEX.formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One row in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            if (values[i] == null) {
                out.append("\\N");
                continue;
            }
            CharSequence value = values[i] instanceof CharSequence text ? text : values[i].toString();
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }
}

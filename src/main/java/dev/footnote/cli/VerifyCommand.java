package dev.footnote.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.text.StrictJson;
import dev.footnote.verify.CitationVerifier;
import dev.footnote.verify.CitationsJson;
import dev.footnote.verify.CitedQuote;
import dev.footnote.verify.QuoteCheck;
import dev.footnote.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verify ANSWER.json [--json]}: re-checks a saved answer's citations against the essay files. */
@Command(name = "verify", description = "Re-check the citations of a saved answer against the essay files.",
        footer = "%nExit status: 0 when every quote is where it was cited or elsewhere in its file (exact, moved); "
                + VerifyCommand.NOT_VERIFIED + " when a quote is gone (changed) or its file is (missing); "
                + OneLineErrors.FAILED + " when the answer cannot be read.")
public class VerifyCommand implements Callable<Integer> {

    /** The exit status when the check ran and a citation no longer holds. */
    static final int NOT_VERIFIED = 3;

    @Parameters(paramLabel = "ANSWER.json", description = "A chat answer as /api/chat returns it (or its citations).")
    Path file;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean asJson;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of essays to check against (default: the "
            + "folder the index was last built from, else footnote.corpus.dir).")
    Path corpusDir;

    private final CitationVerifier verifier;
    private final ObjectMapper json;
    private final StrictJson strict;
    private final Validator validator;

    public VerifyCommand(CitationVerifier verifier, ObjectMapper json, Validator validator) {
        this.verifier = verifier;
        this.json = json;
        this.strict = new StrictJson(json);
        this.validator = validator;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("answer file not found: " + file);
        }
        List<CitedQuote> citations = CitationsJson.parse(strict, validator, Files.readString(file), file.toString());
        if (corpusDir != null && !Files.isDirectory(corpusDir)) {
            throw new IllegalArgumentException("corpus folder not found: " + corpusDir);
        }
        VerifyReport report = corpusDir == null ? verifier.verify(citations) : verifier.verify(citations, corpusDir);
        System.out.print(asJson ? json.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n"
                : format(report));
        return report.verified() ? 0 : NOT_VERIFIED;
    }

    static String format(VerifyReport report) {
        StringBuilder out = new StringBuilder();
        for (QuoteCheck check : report.citations()) {
            out.append(check.n() == null ? "-" : "[" + check.n() + "]").append(' ')
                    .append(String.format("%-7s", check.status().json())).append(' ').append(check.source());
            switch (check.status()) {
                case EXACT -> out.append(String.format(", characters %d–%d", check.start(), check.end()));
                case MOVED -> out.append(String.format(", characters %d–%d, now %d–%d", check.citedStart(),
                        check.citedEnd(), check.start(), check.end()));
                case CHANGED -> {
                    out.append(String.format(", characters %d–%d: the quote is gone", check.citedStart(),
                            check.citedEnd()));
                    if (check.closest() != null) {
                        out.append(String.format("; closest now, %d–%d: “%s”", check.closest().start(),
                                check.closest().end(), check.closest().text()));
                    }
                }
                case MISSING -> out.append(": the file is gone");
            }
            out.append('\n');
        }
        int total = report.citations().size();
        out.append(String.format("%d citation%s: %d exact, %d moved, %d changed, %d missing%n", total,
                total == 1 ? "" : "s", report.exact(), report.moved(), report.changed(), report.missing()));
        return out.toString();
    }
}

package dev.footnote.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.EncoderModel;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.eval.Calibrator;
import dev.footnote.eval.Calibrator.QuestionSet;
import dev.footnote.eval.EvalQuestion;
import dev.footnote.eval.Evaluator;
import dev.footnote.evidence.EvidenceFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code calibrate FILE.jsonl… --out MODEL.json [--read-with FILE.jsonl=READER.onnx]…}: fits the evidence models
 * on question sets.
 */
@Command(name = "calibrate", description = "Fit the evidence models (which sentence answers, whether any does) on "
        + "question sets with evidence, and write them to a file for footnote.evidence.model.")
public class CalibrateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.jsonl", arity = "1..*", description = "Question sets, one JSON object a line.")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "MODEL.json", description = "Where to write the model.")
    Path out;

    @Option(names = "--max-false-refusals", defaultValue = "0.03",
            description = "Share of answerable questions the refusal threshold may decline (default ${DEFAULT-VALUE}).")
    double maxFalseRefusals;

    @Option(names = "--read-with", paramLabel = "FILE.jsonl=READER.onnx",
            description = "Read this question set's sentences with a retrained reader (one that never trained on "
                    + "them: cross-fitting) instead of the served one; repeatable.")
    Map<String, Path> readWith = new LinkedHashMap<>();

    private final Calibrator calibrator;
    private final Evaluator evaluator;
    private final EvidenceFinder finder;
    private final FootnoteConfig config;
    private final ObjectMapper json;

    public CalibrateCommand(Calibrator calibrator, Evaluator evaluator, EvidenceFinder finder, FootnoteConfig config,
            ObjectMapper json) {
        this.calibrator = calibrator;
        this.finder = finder;
        this.config = config;
        this.evaluator = evaluator;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        if (maxFalseRefusals < 0 || maxFalseRefusals >= 1) {
            throw new IllegalArgumentException("--max-false-refusals must be from 0 to below 1");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--out: no such folder: " + folder);
        }
        checkReaders();
        List<OnnxEncoder> encoders = new ArrayList<>();
        try {
            List<QuestionSet> sets = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Path file : files) {
                List<EvalQuestion> read = evaluator.read(file);
                Path reader = readWith.get(file.getFileName().toString());
                sets.add(new QuestionSet(read, Optional.ofNullable(reader).map(r -> retrained(r, encoders))));
                names.add(file.getFileName() + " (" + read.size() + (reader == null ? ")"
                        : ", read by " + reader.getFileName() + ")"));
            }
            List<EvalQuestion> questions = sets.stream().flatMap(set -> set.questions().stream()).toList();
            if (questions.stream().noneMatch(EvalQuestion::answerable)
                    || questions.stream().allMatch(EvalQuestion::answerable)) {
                throw new IllegalArgumentException("calibrating needs answerable questions (with evidence) and "
                        + "unanswerable ones (kind: none)");
            }
            Calibrator.Result result = calibrator.calibrate(sets, maxFalseRefusals, String.join(", ", names));
            Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(result.model()) + "\n");
            System.out.println(result.report());
            return 0;
        } finally {
            encoders.forEach(OnnxEncoder::close);
        }
    }

    private void checkReaders() {
        if (readWith.isEmpty()) {
            return;
        }
        if (finder.model().readsWithEmbedding()) {
            throw new IllegalArgumentException("--read-with needs the reader: footnote.evidence.reader is embedding");
        }
        for (Map.Entry<String, Path> entry : readWith.entrySet()) {
            if (files.stream().noneMatch(f -> f.getFileName().toString().equals(entry.getKey()))) {
                throw new IllegalArgumentException("--read-with: " + entry.getKey() + " is not one of the question "
                        + "sets");
            }
            if (!Files.isReadable(entry.getValue())) {
                throw new IllegalArgumentException("--read-with: cannot read " + entry.getValue());
            }
        }
    }

    /** A finder reading with the reader's retrained weights in {@code onnx}, weighed by the served model. */
    private EvidenceFinder retrained(Path onnx, List<OnnxEncoder> encoders) {
        EncoderModel weights = EncoderModel.reader(finder.model().reader()).withWeights(onnx);
        OnnxEncoder encoder = new OnnxEncoder(weights, config.embedding().batchSize(),
                OnnxEncoder.threads(config.embedding().threads()));
        encoders.add(encoder);
        return new EvidenceFinder(Embeddings.cached(encoder, config.embedding().cacheSize()), finder.model());
    }
}

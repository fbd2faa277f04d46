package dev.footnote.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.eval.Calibrator;
import dev.footnote.eval.EvalQuestion;
import dev.footnote.eval.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calibrate FILE.jsonl… --out MODEL.json}: fits the evidence models on a question set. */
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

    private final Calibrator calibrator;
    private final Evaluator evaluator;
    private final ObjectMapper json;

    public CalibrateCommand(Calibrator calibrator, Evaluator evaluator, ObjectMapper json) {
        this.calibrator = calibrator;
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
        List<EvalQuestion> questions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            List<EvalQuestion> read = evaluator.read(file);
            questions.addAll(read);
            names.add(file.getFileName() + " (" + read.size() + ")");
        }
        if (questions.stream().noneMatch(EvalQuestion::answerable) || questions.stream().allMatch(EvalQuestion::answerable)) {
            throw new IllegalArgumentException("calibrating needs answerable questions (with evidence) and "
                    + "unanswerable ones (kind: none)");
        }
        Calibrator.Result result = calibrator.calibrate(questions, maxFalseRefusals, String.join(", ", names));
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(result.model()) + "\n");
        System.out.println(result.report());
        return 0;
    }
}

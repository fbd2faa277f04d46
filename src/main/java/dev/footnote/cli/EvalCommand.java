package dev.footnote.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.eval.EvalReport;
import dev.footnote.eval.Evaluator;
import dev.footnote.search.QueryLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eval FILE.jsonl [--k N] [--json]}: retrieval and answer quality over a question set. */
@Command(name = "eval", description = "Measure a question set: retrieval hit@1/3/5/10 and MRR@10, then chat "
        + "refusal accuracy and quoted evidence.")
public class EvalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.jsonl", description = "Questions, one JSON object a line.")
    Path file;

    @Option(names = "--k", defaultValue = "10", description = "Passages retrieved per question (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean asJson;

    private final Evaluator evaluator;
    private final ObjectMapper json;

    public EvalCommand(Evaluator evaluator, ObjectMapper json) {
        this.evaluator = evaluator;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        QueryLimits.k(k, "--k");
        EvalReport report = evaluator.evaluate(evaluator.read(file), k);
        System.out.println(asJson ? json.writerWithDefaultPrettyPrinter().writeValueAsString(report) : report.text());
        return 0;
    }
}

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
@Command(name = "eval", description = {
        "Measure a question set. Prints the number of questions and k, then a table,",
        "a row for all questions and one per style and per kind, with the columns",
        "  ans, none   answerable and not answerable questions",
        "  hit@1, hit@3, hit@5 [95%% CI], hit@10, MRR@10 [95%% CI]",
        "              retrieval: passages retrieved that hold the evidence",
        "  reach       evidence among the passages the answerer received",
        "  quote       evidence in the answer's quotes",
        "  f.ref       answerable questions declined",
        "  refus       not answerable questions declined",
        "then the share of answered questions naming their essay's author (style",
        "author) whose first citation is from that author, of paraphrase groups",
        "(group) answered alike, and of answers citing one source text twice,",
        "then the retrieval and answer p50 times, and the ids of the answerable",
        "questions missed in the top k, of the not answerable ones answered and of",
        "the answerable ones declined." })
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

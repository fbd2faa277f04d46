package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The real entry point in a process of its own, with no database settings in its environment: help, version
 * and usage errors need none, and a command that needs one says so in one line.
 */
class EntryPointTest {

    @Test
    void should_print_help_for_every_command_without_a_database() throws Exception {
        for (String command : List.of("serve", "reindex", "ask", "eval", "calibrate")) {
            Run run = run(command, "--help");
            assertThat(run.exitCode).as(command).isZero();
            assertThat(run.out).as(command).startsWith("Usage: footnote " + command);
        }
        Run help = run("help", "ask");
        assertThat(help.exitCode).isZero();
        assertThat(help.out).startsWith("Usage: footnote ask").contains("QUESTION");
        assertThat(run("--help").out).contains("reindex", "ask", "eval", "calibrate", "help");
    }

    @Test
    void should_print_the_version() throws Exception {
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"ask", "--version"}}) {
            Run run = run(args);
            assertThat(run.exitCode).isZero();
            assertThat(run.out).matches("footnote \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
        }
    }

    @Test
    void should_say_in_one_line_how_to_reach_a_database_when_none_is_configured() throws Exception {
        Run run = run("ask", "What is centaur chess?");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err.lines()).singleElement().asString()
                .startsWith("footnote: no database is configured").contains("scripts/footnote");
    }

    @Test
    void should_list_in_the_help_of_eval_exactly_the_figures_eval_prints() throws Exception {
        Run help = run("help", "eval");
        assertThat(help.exitCode).isZero();
        String text = help.out.replaceAll("\\s+", " ");
        assertThat(text).contains("hit@1", "hit@3", "hit@5 [95% CI]", "hit@10", "MRR@10 [95% CI]", "reach", "quote",
                "f.ref", "refus", "p50").doesNotContain("hit@1/");
    }

    @Test
    void should_reject_an_unknown_command_in_one_line_whether_run_or_asked_about() throws Exception {
        for (String[] args : new String[][] {{"serach"}, {"serach", "x"}, {"help", "serach"}}) {
            Run run = run(args);
            assertThat(run.exitCode).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err).as(String.join(" ", args))
                    .isEqualTo("footnote: unknown command \"serach\"; see footnote help\n");
            assertThat(run.out).isEmpty();
        }
    }

    @Test
    void should_still_name_an_unknown_option_as_an_option() throws Exception {
        Run run = run("--serach");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).isEqualTo("footnote: Unknown option: '--serach' (see --help)\n");
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), FootnoteMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_"));
        builder.directory(Path.of("target").toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}

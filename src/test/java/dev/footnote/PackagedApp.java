package dev.footnote;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code quarkus-run.jar}) run as a child process, configured by environment variables
 * as in production: {@code serve} on a free loopback port, or a one-off command such as {@code reindex}. Its
 * output goes to a log file.
 */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    private final int port;

    private PackagedApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code serve} and waits until it is ready (at most five minutes). */
    public static PackagedApp serve(Path jar, Map<String, String> environment, Path log) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = start(jar, environment, log, "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "serve");
        PackagedApp running = new PackagedApp(process, port);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("serve exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create(running.base() + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return running;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        running.close();
        throw new IllegalStateException("serve was not ready within five minutes; see " + log);
    }

    /** Runs a command of the application to its end, e.g. {@code reindex}; fails unless it exits with 0. */
    public static void run(Path jar, Map<String, String> environment, Path log, String... command)
            throws Exception {
        run(jar, environment, log, Duration.ofMinutes(30), command);
    }

    /** Runs a command of the application, stopping it if it outlasts {@code limit}; fails unless it exits with 0. */
    public static void run(Path jar, Map<String, String> environment, Path log, Duration limit, String... command)
            throws Exception {
        Process process = start(jar, environment, log, command);
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static Process start(Path jar, Map<String, String> environment, Path log, String... arguments)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[arguments.length + 3];
        command[0] = java;
        System.arraycopy(arguments, 0, command, 1, arguments.length - 1);
        command[arguments.length] = "-jar";
        command[arguments.length + 1] = jar.toString();
        command[arguments.length + 2] = arguments[arguments.length - 1];
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        return builder.start();
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Resident memory of the server process, in MB, as {@code ps -o rss} reports it. */
    public long rssMb() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(process.pid())).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        ps.waitFor();
        return Long.parseLong(out) / 1024;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

package dev.footnote.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time spent by processes, read from {@code /proc/<pid>/stat} (user plus system, in clock ticks of 10 ms):
 * the server's process, and PostgreSQL's processes all together. A benchmark reads it before and after a run and
 * divides by the requests, so that a search's cost is counted where it is spent, not guessed from latency.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc}'s times (USER_HZ, 100 on the Linux builds this runs on). */
    static final int TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** Milliseconds of CPU the process has used, or empty when it is gone or there is no {@code /proc}. */
    static OptionalLong millis(long pid) {
        try {
            return OptionalLong.of(ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
                    * 1000 / TICKS_PER_SECOND);
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Milliseconds of CPU used by the live processes named {@code command}, together (PostgreSQL's: "postgres"). */
    static long millisOfAll(String command) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(path -> {
                        try {
                            String stat = Files.readString(path.resolve("stat"));
                            return command.equals(command(stat)) ? ticks(stat) * 1000 / TICKS_PER_SECOND : 0;
                        } catch (IOException e) {
                            return 0; // ended while being read
                        }
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Milliseconds of CPU each kind of thread of the process has used: threads are grouped by name with their
     * numbers dropped ("executor-thread-3" and "executor-thread-7" are "executor-thread-"), so that a run's
     * cost can be told apart: requests, the model's pool, the compiler, the collector.
     */
    static Map<String, Long> millisByThread(long pid) {
        Map<String, Long> byKind = new TreeMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    byKind.merge(command(stat).replaceAll("[0-9]+", ""), ticks(stat) * 1000 / TICKS_PER_SECOND,
                            Long::sum);
                } catch (IOException e) {
                    // ended while being read
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return byKind;
    }

    /** The command name of a {@code stat} line: between the first "(" and the last ")", spaces and all. */
    static String command(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime, the 14th and 15th fields, counted after the command name (which may hold spaces). */
    static long ticks(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // after[0] is field 3 (state), so field n is after[n - 3]
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }
}

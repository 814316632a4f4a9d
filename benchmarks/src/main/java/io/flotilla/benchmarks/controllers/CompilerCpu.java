package io.flotilla.benchmarks.controllers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time the JVM's JIT compiler threads have used so far, read from {@code /proc/self/task} (Linux): in a
 * short run on a fresh JVM, compiling is a large part of the process's CPU time, which the harness reports apart
 * (the JVM's own compilation-time counter sums elapsed time, not CPU). Compiler threads that have exited no longer
 * count. Stateless; thread-safe.
 */
final class CompilerCpu {
    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerCpu() {
    }

    /** Milliseconds of CPU (user and system) of the live compiler threads; -1 where {@code /proc} is missing. */
    static long millis() {
        if (!Files.isDirectory(TASKS)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                ticks += compilerTicks(task);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private static long compilerTicks(Path task) {
        try {
            String comm = Files.readString(task.resolve("comm")).trim();
            if (!comm.contains("CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(task.resolve("stat"));
            // fields after the parenthesised name: state is field 3, utime 14 and stime 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
            return 0; // the thread exited meanwhile
        }
    }
}

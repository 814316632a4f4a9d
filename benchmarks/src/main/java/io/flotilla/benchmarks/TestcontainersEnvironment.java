package io.flotilla.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The environment Testcontainers needs on these machines (see {@code ENVIRONMENT.md}): no Ryuk (its image cannot
 * be pulled), no start-up checks (they pull {@code alpine}) and the host given as {@code localhost} (otherwise the
 * {@code /.dockerenv} of the machine makes it look for a gateway with a pulled image). Testcontainers 2 reads
 * these three from the process environment only, and a JVM cannot change its own, so when they are missing the
 * harness runs itself once more in a child JVM that has them. Shared by the harnesses that measure Testcontainers
 * as a peer. Stateless.
 */
public final class TestcontainersEnvironment {
    /** The variables and their values. */
    public static final Map<String, String> REQUIRED = Map.of(
            "TESTCONTAINERS_RYUK_DISABLED", "true",
            "TESTCONTAINERS_CHECKS_DISABLE", "true",
            "TESTCONTAINERS_HOST_OVERRIDE", "localhost");

    private TestcontainersEnvironment() {
    }

    /** Whether this process has the three variables with the values above. */
    public static boolean present() {
        return REQUIRED.entrySet().stream().allMatch(e -> e.getValue().equals(System.getenv(e.getKey())));
    }

    /**
     * Runs {@code main} with {@code args} in a child JVM (same java, JVM options and class path, output inherited)
     * whose environment adds the three variables, and waits for it.
     *
     * @return the child's exit code
     * @throws IOException if the child cannot be started
     */
    public static int relaunch(Class<?> main, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(REQUIRED);
        Process child = builder.start();
        try {
            return child.waitFor();
        } finally {
            child.destroy();
        }
    }

    /** The exit code of {@link #relaunch} if the variables are missing and the peers include Testcontainers. */
    public static OptionalInt relaunchIfNeeded(boolean usesTestcontainers, Class<?> main, String[] args)
            throws IOException, InterruptedException {
        if (!usesTestcontainers || present()) {
            return OptionalInt.empty();
        }
        System.out.println(main.getSimpleName() + ": running again with " + String.join(", ", REQUIRED.keySet())
                + " set for Testcontainers");
        return OptionalInt.of(relaunch(main, args));
    }
}

package io.flotilla.testkit.contract;

import java.time.Duration;
import java.util.List;

/**
 * The containers the contract suite runs, each by container name with the busybox command a real runtime executes
 * and, in its documentation, the behaviour a simulated runtime must script for that name. The simulated runtime's
 * test maps every constant (a {@code switch} over this enum keeps that mapping complete).
 */
public enum ContractWorkload {
    /** Runs until stopped ({@code sleep}, which ignores SIGTERM as PID 1). Exec answers see {@link #EXEC_ECHO}. */
    SLEEPER("sleeper", "exec sleep 3600"),
    /** Serves {@link #SERVED_BODY} over HTTP on port {@link #HTTP_PORT}, path {@code /}, until stopped. */
    SERVER("server", "mkdir -p /www && echo " + ContractWorkload.SERVED_BODY
            + " > /www/index.html && exec httpd -f -p " + ContractWorkload.HTTP_PORT + " -h /www"),
    /**
     * Fetches {@code http://127.0.0.1:}{@link #HTTP_PORT}{@code /} from its sandbox (retrying for up to 10 s),
     * prints the body and exits 0; exits 1 when nothing answers.
     */
    FETCHER("fetcher", "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - http://127.0.0.1:" + ContractWorkload.HTTP_PORT
            + "/ && exit 0; sleep 1; done; exit 1"),
    /** Exits 3 at once. */
    EXIT_THREE("exit-three", "exit 3"),
    /** Prints {@code done} and exits 0 at once. */
    SUCCEED("succeed", "echo done"),
    /** Allocates 64 MiB at once and then sleeps a second: OOM-killed under the suite's 16 MiB limit. */
    MEMORY_HOG("memory-hog", "x=$(head -c 64m /dev/zero | tr '\\0' a); sleep 1"),
    /** Prints {@code line-1}..{@code line-5} to stdout and {@code oops} to stderr at once, then runs until stopped. */
    LOGGER("logger", "for i in 1 2 3 4 5; do echo line-$i; done; echo oops >&2; exec sleep 3600"),
    /** Prints {@code tick-1}, {@code tick-2}, {@code tick-3} one second apart, then exits 0 a second later. */
    TICKER("ticker", "for i in 1 2 3; do echo tick-$i; sleep 1; done"),
    /**
     * Prints the content of {@code /data/app.txt}, then the octal mode of {@code /data/secret.txt}, and exits 0 (the
     * suite mounts a volume at {@code /data}).
     */
    FILE_READER("file-reader", "cat /data/app.txt; stat -c %a /data/secret.txt");

    /** The port {@link #SERVER} serves on. */
    public static final int HTTP_PORT = 8080;
    /** What {@link #SERVER} serves. */
    public static final String SERVED_BODY = "shared-network";
    /** A command {@link #SLEEPER} answers with exit code 4, stdout {@code out\n} and stderr {@code err\n}. */
    public static final List<String> EXEC_ECHO = List.of("sh", "-c", "echo out; echo err >&2; exit 4");
    /** A command that does not finish within {@link #EXEC_TIMEOUT} in {@link #SLEEPER}. */
    public static final List<String> EXEC_HANG = List.of("sleep", "30");
    /** The timeout the suite gives {@link #EXEC_HANG}. */
    public static final Duration EXEC_TIMEOUT = Duration.ofSeconds(1);
    /** The memory limit the suite gives {@link #MEMORY_HOG}, in bytes (16 MiB). */
    public static final long HOG_LIMIT_BYTES = 16L << 20;
    /** How much {@link #MEMORY_HOG} allocates, in bytes (64 MiB). */
    public static final long HOG_ALLOCATION_BYTES = 64L << 20;

    private final String containerName;
    private final String script;

    ContractWorkload(String containerName, String script) {
        this.containerName = containerName;
        this.script = script;
    }

    /** The container name the suite gives it; simulated runtimes key their behaviour on it. */
    public String containerName() {
        return containerName;
    }

    /** The command a real runtime runs: {@code sh -c <script>}. */
    public List<String> command() {
        return List.of("sh", "-c", script);
    }
}

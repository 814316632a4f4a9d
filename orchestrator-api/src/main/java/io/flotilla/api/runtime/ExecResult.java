package io.flotilla.api.runtime;

import java.util.Objects;

/**
 * What {@link ContainerRuntime#execSync} returns: the exit code and output of a command run in a container, or
 * that it timed out (an expected outcome for exec probes, so a value rather than an exception). Immutable;
 * {@link #toString()} shows output sizes, not contents.
 *
 * @param exitCode the exit code; -1 when timed out
 * @param stdout   standard output, decoded as UTF-8; not {@code null}
 * @param stderr   standard error, decoded as UTF-8; not {@code null}
 * @param timedOut whether the command did not finish within the timeout
 */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    /** Checks the components. */
    public ExecResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** A finished command. */
    public static ExecResult of(int exitCode, String stdout, String stderr) {
        return new ExecResult(exitCode, stdout, stderr, false);
    }

    /** A command that did not finish in time, with the output seen so far. */
    public static ExecResult timeout(String stdout, String stderr) {
        return new ExecResult(-1, stdout, stderr, true);
    }

    /** Whether the command finished with exit code 0. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    @Override
    public String toString() {
        return "ExecResult[exitCode=" + exitCode + ", timedOut=" + timedOut + ", stdout=" + stdout.length()
                + " chars, stderr=" + stderr.length() + " chars]";
    }
}

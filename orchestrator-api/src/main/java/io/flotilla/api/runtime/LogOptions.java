package io.flotilla.api.runtime;

import java.time.Instant;

/**
 * Which log lines {@link ContainerRuntime#logs} delivers. Immutable; the {@code withXxx} methods are copy-withs.
 *
 * @param tailLines  only the last this many lines of what is already logged, or {@code null} for all
 * @param since      only lines logged at or after this time, or {@code null} for all; runtimes may round it down
 *                   to whole seconds
 * @param follow     whether to keep delivering new lines until the container exits or the subscription closes
 * @param timestamps whether each {@link LogLine} carries its time
 */
public record LogOptions(Integer tailLines, Instant since, boolean follow, boolean timestamps) {

    /** Checks the tail. */
    public LogOptions {
        if (tailLines != null && tailLines < 0) {
            throw new IllegalArgumentException("tailLines must not be negative: " + tailLines);
        }
    }

    /** Everything logged so far, without timestamps, not following. */
    public static LogOptions all() {
        return new LogOptions(null, null, false, false);
    }

    /** These options with a tail of {@code lines}. */
    public LogOptions withTail(int lines) {
        return new LogOptions(lines, since, follow, timestamps);
    }

    /** These options, only lines at or after {@code time}. */
    public LogOptions withSince(Instant time) {
        return new LogOptions(tailLines, time, follow, timestamps);
    }

    /** These options, following new lines. */
    public LogOptions withFollow() {
        return new LogOptions(tailLines, since, true, timestamps);
    }

    /** These options, with timestamps. */
    public LogOptions withTimestamps() {
        return new LogOptions(tailLines, since, follow, true);
    }
}

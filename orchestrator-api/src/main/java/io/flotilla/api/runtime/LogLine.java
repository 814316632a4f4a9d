package io.flotilla.api.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * One line a container logged. Immutable.
 *
 * @param time   when it was logged, or {@code null} when timestamps were not asked for
 * @param stream which stream it came from; not {@code null}
 * @param text   the line without its line terminator; not {@code null}
 */
public record LogLine(Instant time, Stream stream, String text) {

    /** Checks the components. */
    public LogLine {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
    }

    /** The output streams of a container. */
    public enum Stream {
        /** Standard output. */
        STDOUT,
        /** Standard error. */
        STDERR
    }
}

package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.LogLine;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The CRI container log format: one record per line, {@code <RFC3339Nano time> <stdout|stderr> <P|F> <text>}, where
 * {@code P} marks a partial record (the runtime split a long line) continued by the next records of the same stream
 * up to one marked {@code F} (full). Kubelet and {@code crictl logs} read the same files. Stateless and thread-safe,
 * except {@link Assembler}, which is confined to one reader.
 */
public final class CriLogFormat {
    private static final String PARTIAL = "P";

    private CriLogFormat() {
    }

    /**
     * One record of a CRI log file.
     *
     * @param time    when the runtime read it; not {@code null}
     * @param stream  which stream; not {@code null}
     * @param partial whether more of the same line follows in later records
     * @param text    the text, without the line terminator; not {@code null}
     */
    public record Entry(Instant time, LogLine.Stream stream, boolean partial, String text) {
        /** Checks the components. */
        public Entry {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Parses one line of a CRI log file (without its {@code \n}).
     *
     * @return the record, or empty when the line is not in the CRI format (such lines are skipped, as kubelet does)
     */
    public static Optional<Entry> parse(String line) {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        int third = line.indexOf(' ', second + 1);
        String tag = third < 0 ? line.substring(second + 1) : line.substring(second + 1, third);
        String text = third < 0 ? "" : line.substring(third + 1);
        LogLine.Stream stream = switch (line.substring(first + 1, second)) {
            case "stdout" -> LogLine.Stream.STDOUT;
            case "stderr" -> LogLine.Stream.STDERR;
            default -> null;
        };
        if (stream == null || tag.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant time = OffsetDateTime.parse(line.substring(0, first), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
            // tags are ':'-separated; the first says partial or full
            boolean partial = PARTIAL.equals(tag.split(":", 2)[0]);
            return Optional.of(new Entry(time, stream, partial, text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Joins partial records into whole lines, per stream: a line carries the time of its first record. Mutable and
     * confined to one thread.
     */
    public static final class Assembler {
        private final Map<LogLine.Stream, Pending> pending = new EnumMap<>(LogLine.Stream.class);

        private record Pending(Instant time, StringBuilder text) {
        }

        /** Adds {@code entry}; returns the line it completes, or empty while the line is still partial. */
        public Optional<LogLine> add(Entry entry) {
            Pending open = pending.get(entry.stream());
            if (entry.partial()) {
                if (open == null) {
                    pending.put(entry.stream(), new Pending(entry.time(), new StringBuilder(entry.text())));
                } else {
                    open.text().append(entry.text());
                }
                return Optional.empty();
            }
            if (open == null) {
                return Optional.of(new LogLine(entry.time(), entry.stream(), entry.text()));
            }
            pending.remove(entry.stream());
            return Optional.of(new LogLine(open.time(), entry.stream(), open.text().append(entry.text()).toString()));
        }
    }
}

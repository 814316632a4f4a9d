package io.flotilla.runtime.docker.internal;

import io.flotilla.api.runtime.LogLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Docker's demultiplexed log frames into {@link LogLine}s: bytes are buffered per stream until a newline (so
 * a line split across frames, or a multi-byte character split across frames, comes out whole), and when timestamps
 * were asked for, each line's RFC 3339 prefix becomes its time. Confined to one thread.
 */
public final class LineSplitter {
    private final boolean timestamps;
    private final Map<LogLine.Stream, ByteArrayOutputStream> pending = new EnumMap<>(LogLine.Stream.class);

    /** A splitter; {@code timestamps} says whether every line starts with Docker's timestamp and a space. */
    public LineSplitter(boolean timestamps) {
        this.timestamps = timestamps;
    }

    /** The lines completed by {@code bytes} of {@code stream}. */
    public List<LogLine> accept(LogLine.Stream stream, byte[] bytes) {
        List<LogLine> lines = new ArrayList<>();
        ByteArrayOutputStream buffer = pending.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
        for (byte b : bytes) {
            if (b == '\n') {
                lines.add(line(stream, buffer));
            } else {
                buffer.write(b);
            }
        }
        return lines;
    }

    /** The unterminated rest of each stream, as lines. */
    public List<LogLine> flush() {
        List<LogLine> lines = new ArrayList<>();
        pending.forEach((stream, buffer) -> {
            if (buffer.size() > 0) {
                lines.add(line(stream, buffer));
            }
        });
        return lines;
    }

    private LogLine line(LogLine.Stream stream, ByteArrayOutputStream buffer) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!timestamps) {
            return new LogLine(null, stream, text);
        }
        int space = text.indexOf(' ');
        String stamp = space < 0 ? text : text.substring(0, space);
        try {
            return new LogLine(Instant.parse(stamp), stream, space < 0 ? "" : text.substring(space + 1));
        } catch (DateTimeParseException e) {
            return new LogLine(null, stream, text);
        }
    }
}

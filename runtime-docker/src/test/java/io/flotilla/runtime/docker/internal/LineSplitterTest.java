package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void joinsLinesAndCharactersSplitAcrossFrames() {
        LineSplitter splitter = new LineSplitter(false);
        byte[] euro = bytes("€\n");
        List<LogLine> lines = new ArrayList<>(splitter.accept(LogLine.Stream.STDOUT, bytes("one\ntw")));
        lines.addAll(splitter.accept(LogLine.Stream.STDERR, bytes("err\n")));
        lines.addAll(splitter.accept(LogLine.Stream.STDOUT, bytes("o\n")));
        lines.addAll(splitter.accept(LogLine.Stream.STDOUT, new byte[] {euro[0]}));
        lines.addAll(splitter.accept(LogLine.Stream.STDOUT, new byte[] {euro[1], euro[2], euro[3]}));
        lines.addAll(splitter.accept(LogLine.Stream.STDOUT, bytes("tail")));
        lines.addAll(splitter.flush());
        assertThat(lines).containsExactly(new LogLine(null, LogLine.Stream.STDOUT, "one"),
                new LogLine(null, LogLine.Stream.STDERR, "err"), new LogLine(null, LogLine.Stream.STDOUT, "two"),
                new LogLine(null, LogLine.Stream.STDOUT, "€"), new LogLine(null, LogLine.Stream.STDOUT, "tail"));
    }

    @Test
    void readsTimestamps() {
        List<LogLine> lines = new LineSplitter(true).accept(LogLine.Stream.STDOUT,
                bytes("2025-01-01T00:00:00.123456789Z hello world\r\n"));
        assertThat(lines).containsExactly(new LogLine(Instant.parse("2025-01-01T00:00:00.123456789Z"),
                LogLine.Stream.STDOUT, "hello world"));
    }
}

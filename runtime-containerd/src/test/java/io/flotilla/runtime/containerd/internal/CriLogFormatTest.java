package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.LogLine;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CriLogFormatTest {

    @Test
    void parsesFullRecordsWithNanosecondTimes() {
        Optional<CriLogFormat.Entry> entry = CriLogFormat.parse("2026-11-22T13:30:01.123456789Z stdout F hello world");

        assertThat(entry).contains(new CriLogFormat.Entry(Instant.parse("2026-11-22T13:30:01.123456789Z"),
                LogLine.Stream.STDOUT, false, "hello world"));
    }

    @Test
    void parsesStderrPartialRecordsAndOffsets() {
        CriLogFormat.Entry entry = CriLogFormat.parse("2026-11-22T15:30:01.5+02:00 stderr P part").orElseThrow();

        assertThat(entry.stream()).isEqualTo(LogLine.Stream.STDERR);
        assertThat(entry.partial()).isTrue();
        assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-22T13:30:01.5Z"));
    }

    @Test
    void keepsSpacesAndEmptyText() {
        assertThat(CriLogFormat.parse("2026-11-22T13:30:01Z stdout F   indented  ").orElseThrow().text())
                .isEqualTo("  indented  ");
        assertThat(CriLogFormat.parse("2026-11-22T13:30:01Z stdout F ").orElseThrow().text()).isEmpty();
        assertThat(CriLogFormat.parse("2026-11-22T13:30:01Z stdout F").orElseThrow().text()).isEmpty();
    }

    @Test
    void readsTheFirstTagOfTagLists() {
        assertThat(CriLogFormat.parse("2026-11-22T13:30:01Z stdout P:x text").orElseThrow().partial()).isTrue();
        assertThat(CriLogFormat.parse("2026-11-22T13:30:01Z stdout F:x text").orElseThrow().partial()).isFalse();
    }

    @Test
    void skipsLinesNotInTheFormat() {
        assertThat(CriLogFormat.parse("")).isEmpty();
        assertThat(CriLogFormat.parse("just some text")).isEmpty();
        assertThat(CriLogFormat.parse("yesterday stdout F text")).isEmpty();
        assertThat(CriLogFormat.parse("2026-11-22T13:30:01Z stdin F text")).isEmpty();
    }

    @Test
    void assemblesPartialRecordsPerStream() {
        CriLogFormat.Assembler assembler = new CriLogFormat.Assembler();
        Instant first = Instant.parse("2026-11-22T13:30:01Z");

        assertThat(assembler.add(new CriLogFormat.Entry(first, LogLine.Stream.STDOUT, true, "hel"))).isEmpty();
        assertThat(assembler.add(new CriLogFormat.Entry(first.plusSeconds(1), LogLine.Stream.STDERR, false, "err")))
                .contains(new LogLine(first.plusSeconds(1), LogLine.Stream.STDERR, "err"));
        assertThat(assembler.add(new CriLogFormat.Entry(first.plusSeconds(2), LogLine.Stream.STDOUT, true, "lo ")))
                .isEmpty();
        assertThat(assembler.add(new CriLogFormat.Entry(first.plusSeconds(3), LogLine.Stream.STDOUT, false, "you")))
                .contains(new LogLine(first, LogLine.Stream.STDOUT, "hello you"));
        assertThat(assembler.add(new CriLogFormat.Entry(first.plusSeconds(4), LogLine.Stream.STDOUT, false, "next")))
                .contains(new LogLine(first.plusSeconds(4), LogLine.Stream.STDOUT, "next"));
    }
}

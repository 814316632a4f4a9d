package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogListener;
import io.flotilla.api.runtime.LogOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {
    private static final String LOG = String.join("\n",
            "2026-11-22T13:30:01.000000001Z stdout F line-1",
            "2026-11-22T13:30:02Z stderr F oops",
            "2026-11-22T13:30:03Z stdout P long-",
            "2026-11-22T13:30:04Z stdout F line",
            "garbage that is skipped",
            "2026-11-22T13:30:05Z stdout F line-3",
            "2026-11-22T13:30:06Z stdout F half-writ");

    @TempDir
    Path dir;

    @Test
    void readsWholeLinesWithoutTimesByDefault() throws IOException {
        Path file = write(LOG);

        List<LogLine> lines = LogFollower.read(file, LogOptions.all());

        assertThat(lines).extracting(LogLine::text).containsExactly("line-1", "oops", "long-line", "line-3");
        assertThat(lines).extracting(LogLine::time).containsOnlyNulls();
        assertThat(lines.get(1).stream()).isEqualTo(LogLine.Stream.STDERR);
    }

    @Test
    void appliesSinceThenTailAndKeepsTimesWhenAsked() throws IOException {
        Path file = write(LOG);

        List<LogLine> lines = LogFollower.read(file, LogOptions.all().withTimestamps()
                .withSince(Instant.parse("2026-11-22T13:30:02Z")).withTail(2));

        assertThat(lines).extracting(LogLine::text).containsExactly("long-line", "line-3");
        assertThat(lines.getFirst().time()).isEqualTo(Instant.parse("2026-11-22T13:30:03Z"));
    }

    @Test
    void aMissingFileIsAnEmptyLog() throws IOException {
        assertThat(LogFollower.read(dir.resolve("not-yet.log"), LogOptions.all())).isEmpty();
    }

    @Test
    void followingEndsOnceTheContainerHasFinishedAndEverythingIsDelivered() throws Exception {
        Path file = write(LOG + "ten\n");
        List<String> texts = new ArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);

        LogFollower.start(file, LogOptions.all().withFollow(), new LogListener() {
            @Override
            public void onLine(LogLine line) {
                texts.add(line.text());
            }

            @Override
            public void onEnd() {
                ended.countDown();
            }
        }, () -> true, Duration.ofMillis(10), "unix:///test.sock");

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(texts).containsExactly("line-1", "oops", "long-line", "line-3", "half-written");
    }

    @Test
    void notFollowingDeliversOnTheCallersThreadAndEnds() throws IOException {
        Path file = write(LOG);
        List<String> texts = new ArrayList<>();
        boolean[] ended = {false};

        LogFollower.start(file, LogOptions.all().withTail(1), new LogListener() {
            @Override
            public void onLine(LogLine line) {
                texts.add(line.text());
            }

            @Override
            public void onEnd() {
                ended[0] = true;
            }
        }, () -> false, Duration.ofMillis(10), "unix:///test.sock");

        assertThat(texts).containsExactly("line-3");
        assertThat(ended[0]).isTrue();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("0.log"), content, StandardCharsets.UTF_8);
    }
}

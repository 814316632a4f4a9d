package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogListener;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.Subscription;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads a container's CRI log file for {@code ContainerRuntime.logs}: what is logged so far (with tail and since),
 * then, when following, the lines appended later until the container has finished. The file is read by byte offset,
 * so a half-written last line waits for its terminator. Not following, delivery happens on the caller's thread;
 * following, on one virtual thread per subscription. Thread-safe as a {@link Subscription}.
 *
 * <p>Design note: the follower polls the file (every {@code poll}) rather than using inotify, which Java exposes
 * only through {@code WatchService} with coarse polling on Linux anyway; "finished" is asked <em>before</em> each
 * read, so the lines written before the container exited are always delivered before {@code onEnd}.
 */
public final class LogFollower implements Subscription {
    private final Path file;
    private final LogOptions options;
    private final LogListener listener;
    private final BooleanSupplier finished;
    private final Duration poll;
    private final String endpoint;
    private final CriLogFormat.Assembler assembler = new CriLogFormat.Assembler();
    private final ByteArrayOutputStream leftover = new ByteArrayOutputStream();
    private long offset;
    private volatile boolean closed;

    private LogFollower(Path file, LogOptions options, LogListener listener, BooleanSupplier finished, Duration poll,
                        String endpoint) {
        this.file = file;
        this.options = options;
        this.listener = listener;
        this.finished = finished;
        this.poll = poll;
        this.endpoint = endpoint;
    }

    /**
     * Delivers the log at {@code file} to {@code listener} as {@code options} say.
     *
     * @param finished whether the container has exited or is gone (asked only when following)
     * @param poll     how often a follower looks for new lines
     * @return the running delivery (already ended when not following)
     */
    public static Subscription start(Path file, LogOptions options, LogListener listener, BooleanSupplier finished,
                                     Duration poll, String endpoint) {
        LogFollower follower = new LogFollower(file, options, listener, finished, poll, endpoint);
        if (!options.follow()) {
            follower.run();
            return follower;
        }
        Thread.ofVirtual().name("flotilla-cri-logs").start(follower::run);
        return follower;
    }

    /** Reads the whole file at once as {@code options} say (never follows). */
    public static List<LogLine> read(Path file, LogOptions options) throws IOException {
        LogFollower reader = new LogFollower(file, options, null, () -> true, Duration.ZERO, "");
        return reader.initial();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void run() {
        try {
            for (LogLine line : initial()) {
                if (closed) {
                    return;
                }
                listener.onLine(line);
            }
            while (options.follow() && !closed) {
                boolean done = finished.getAsBoolean();
                for (LogLine line : readNew()) {
                    if (closed) {
                        return;
                    }
                    listener.onLine(line);
                }
                if (done) {
                    break;
                }
                Thread.sleep(poll);
            }
            if (!closed) {
                listener.onEnd();
            }
        } catch (IOException e) {
            listener.onError(new ContainerRuntimeException(endpoint, "reading the container log " + file
                    + " failed: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ContainerRuntimeException e) {
            listener.onError(e);
        }
    }

    private List<LogLine> initial() throws IOException {
        List<LogLine> lines = readNew();
        if (options.tailLines() != null && lines.size() > options.tailLines()) {
            lines = lines.subList(lines.size() - options.tailLines(), lines.size());
        }
        return lines;
    }

    /** The whole lines appended since the last read that pass {@code since}, as asked (with or without times). */
    private List<LogLine> readNew() throws IOException {
        List<LogLine> out = new ArrayList<>();
        for (String raw : readRawLines()) {
            CriLogFormat.parse(raw).flatMap(assembler::add).filter(this::wanted).map(this::shaped)
                    .ifPresent(out::add);
        }
        return out;
    }

    private boolean wanted(LogLine line) {
        return options.since() == null || !line.time().isBefore(options.since());
    }

    private LogLine shaped(LogLine line) {
        return options.timestamps() ? line : new LogLine(null, line.stream(), line.text());
    }

    private Deque<String> readRawLines() throws IOException {
        Deque<String> lines = new ArrayDeque<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < offset) {
                offset = 0; // the file was truncated or replaced (log rotation): start over
                leftover.reset();
            }
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            int read;
            while ((read = channel.read(buffer, offset)) > 0) {
                offset += read;
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        lines.add(leftover.toString(StandardCharsets.UTF_8));
                        leftover.reset();
                    } else {
                        leftover.write(b);
                    }
                }
                buffer.clear();
            }
        } catch (NoSuchFileException e) {
            return lines; // not written yet (the container has not started) or removed with the container
        }
        return lines;
    }
}

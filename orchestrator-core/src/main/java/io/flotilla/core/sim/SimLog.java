package io.flotilla.core.sim;

import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogListener;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.Subscription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The log of one simulated container: the last {@value #MAX_LINES} lines, with their times, and the listeners
 * following it. Listener calls go through the runtime's {@link SerialDelivery}. Not thread-safe: the runtime guards
 * it with its lock (closing a follower is safe from any thread).
 */
final class SimLog {
    /** Lines kept per container; older ones are dropped, as a runtime rotates its log files. */
    static final int MAX_LINES = 1000;

    private final Deque<LogLine> lines = new ArrayDeque<>();
    private final List<Follower> followers = new ArrayList<>();
    private boolean ended;

    /**
     * Queues the selected lines for {@code listener} and registers it for new ones; its end comes when the
     * container exits or is removed (at once if it already has).
     */
    Subscription follow(LogOptions options, LogListener listener, SerialDelivery delivery) {
        Follower follower = new Follower(listener, options.timestamps());
        for (LogLine line : select(options)) {
            follower.deliver(line, delivery);
        }
        if (ended) {
            delivery.submit(follower::end);
        } else {
            followers.add(follower);
        }
        return follower;
    }

    /** The lines {@code options} select, as the caller asked for them (with or without times). */
    List<LogLine> snapshot(LogOptions options) {
        return select(options).stream()
                .map(l -> options.timestamps() ? l : new LogLine(null, l.stream(), l.text()))
                .toList();
    }

    void append(LogLine line, SerialDelivery delivery) {
        if (ended) {
            return;
        }
        if (lines.size() == MAX_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
        followers.removeIf(f -> f.closed);
        for (Follower follower : followers) {
            follower.deliver(line, delivery);
        }
    }

    /** The container exited or was removed: followers get their end. */
    void end(SerialDelivery delivery) {
        ended = true;
        for (Follower follower : followers) {
            delivery.submit(follower::end);
        }
        followers.clear();
    }

    private List<LogLine> select(LogOptions options) {
        List<LogLine> selected = new ArrayList<>();
        for (LogLine line : lines) {
            if (options.since() == null || !line.time().isBefore(options.since())) {
                selected.add(line);
            }
        }
        if (options.tailLines() != null && selected.size() > options.tailLines()) {
            return selected.subList(selected.size() - options.tailLines(), selected.size());
        }
        return selected;
    }

    /** One listener; closing it stops further calls. */
    private static final class Follower implements Subscription {
        private final LogListener listener;
        private final boolean timestamps;
        private volatile boolean closed;

        Follower(LogListener listener, boolean timestamps) {
            this.listener = listener;
            this.timestamps = timestamps;
        }

        void deliver(LogLine line, SerialDelivery delivery) {
            LogLine shown = timestamps ? line : new LogLine(null, line.stream(), line.text());
            delivery.submit(() -> {
                if (!closed) {
                    listener.onLine(shown);
                }
            });
        }

        void end() {
            if (!closed) {
                closed = true;
                listener.onEnd();
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

package io.flotilla.core.store;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, tracks and closes the store's watches: checks the start revision against the history, builds initial
 * events from a snapshot, and runs push listeners on a virtual thread each. Thread-safe.
 */
final class Watches {
    private static final Logger LOG = LoggerFactory.getLogger(Watches.class);

    private final EventLog log;
    private final Snapshots snapshots;
    private final StoreMetrics metrics;
    private final Notifier notifier = new Notifier();
    private final Set<LogWatch<?>> open = ConcurrentHashMap.newKeySet();

    Watches(EventLog log, Snapshots snapshots, StoreMetrics metrics) {
        this.log = log;
        this.snapshots = snapshots;
        this.metrics = metrics;
    }

    /** Wakes watchers waiting at the head of the log; called by writers after each write. */
    void signal() {
        notifier.signal();
    }

    <T extends Resource> Watch<T> open(ResourceType<T> type, TypeTable table, WatchOptions options) {
        Predicate<Resource> matcher = table.matcher(options.labelSelector(), options.fieldSelector());
        long head = log.head();
        long from = options.fromRevision() == null ? head : options.fromRevision();
        if (from > head) {
            throw new StoreException.TooLargeResourceVersion(from, head);
        }
        List<WatchEvent<T>> initial = List.of();
        if (options.initialEvents()) {
            initial = initialEvents(type, snapshots.at(table, options.namespace(), matcher, from));
        } else if (from < head && from + 1 < log.oldestRetained()) {
            throw new StoreException.Gone(from, log.oldestRetained());
        }
        LogWatch<T> watch = new LogWatch<>(log, notifier, table, options, matcher, from, initial, metrics::cutOff,
                open::remove);
        open.add(watch);
        return watch;
    }

    private static <T extends Resource> List<WatchEvent<T>> initialEvents(ResourceType<T> type,
                                                                          ListResult<Resource> state) {
        List<WatchEvent<T>> events = new ArrayList<>(state.items().size() + 1);
        for (Resource r : state.items()) {
            events.add(WatchEvent.of(WatchEvent.Type.ADDED, type.javaType().cast(r),
                    Long.parseLong(r.metadata().resourceVersion())));
        }
        events.add(WatchEvent.bookmark(state.revision()));
        return events;
    }

    /** Delivers {@code watch}'s events to {@code listener} on a virtual thread until the watch ends. */
    <T extends Resource> void push(ResourceType<T> type, Watch<T> watch, WatchListener<T> listener) {
        Thread.ofVirtual().name("flotilla-watch-" + type.plural()).start(() -> pump(watch, listener));
    }

    private static <T extends Resource> void pump(Watch<T> watch, WatchListener<T> listener) {
        try {
            WatchEvent<T> event;
            while ((event = watch.next()) != null) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("watch listener failed on a {} event at revision {}", event.type(), event.revision(),
                            e);
                }
            }
        } catch (InterruptedException e) {
            watch.close();
        }
    }

    int count() {
        return open.size();
    }

    /** The backlog of the watcher furthest behind. */
    long maxBacklog() {
        long max = 0;
        for (LogWatch<?> w : open) {
            max = Math.max(max, w.backlog());
        }
        return max;
    }

    void closeAll() {
        for (LogWatch<?> w : List.copyOf(open)) {
            w.close();
        }
        notifier.close();
    }
}

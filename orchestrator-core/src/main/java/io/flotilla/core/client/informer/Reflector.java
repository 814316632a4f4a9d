package io.flotilla.core.client.informer;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.ListResult;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.store.WatchOptions;
import io.flotilla.core.time.Cancellable;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: client-go's reflector on one virtual thread per informer: list (remember the list's revision),
 * watch from that revision, hand every event to the sink, and remember the revision of the last event or bookmark.
 * A watch that ends (closed) is resumed from that revision; a terminal ERROR (Gone: the watch fell behind) or Gone
 * from watch() means relist, and the sink diffs the new list against its cache. When no event is waiting, the
 * watch's own cursor is the processed revision (the changes it skipped were not of this kind), which keeps the lag
 * meter honest for quiet kinds. Failures other than Gone back off exponentially on the injected clock.
 */
final class Reflector<T extends Resource> {
    private static final Logger LOG = LoggerFactory.getLogger(Reflector.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Where the reflector's results go; called on the reflector's thread only. */
    interface Sink<T extends Resource> {
        /** The complete state as of {@code revision}. */
        void replace(List<T> items, long revision);

        /** An ADDED, MODIFIED or DELETED event. */
        void apply(WatchEvent<T> event);
    }

    private final ListWatch store;
    private final ResourceType<T> type;
    private final Clock clock;
    private final Sink<T> sink;
    private final InformerMetrics metrics;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Watch<T> current;
    private volatile long revision = -1;
    private boolean listed;

    Reflector(ListWatch store, ResourceType<T> type, Clock clock, Sink<T> sink, InformerMetrics metrics) {
        this.store = store;
        this.type = type;
        this.clock = clock;
        this.sink = sink;
        this.metrics = metrics;
        this.thread = Thread.ofVirtual().name("flotilla-reflector-" + type.plural()).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Stops the loop and closes the watch; returns at once. */
    void stop() {
        running = false;
        Watch<T> watch = current;
        if (watch != null) {
            watch.close();
        }
        thread.interrupt();
    }

    /** The revision up to which every change has been handed to the sink; {@code -1} before the first list. */
    long revision() {
        return revision;
    }

    private void run() {
        boolean needList = true;
        int failures = 0;
        while (running) {
            try {
                if (needList) {
                    list();
                    needList = false;
                }
                Outcome outcome = watch();
                needList = outcome == Outcome.RELIST;
                failures = outcome == Outcome.IDLE_END ? failures + 1 : 0;
            } catch (StoreException.Gone e) {
                LOG.debug("{} watch from revision {} expired: relisting", type.kind(), revision);
                needList = true;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("{} list/watch failed (attempt {}); retrying with backoff", type.kind(), failures, e);
            }
            if (failures > 0 && running && !backOff(failures)) {
                return;
            }
        }
    }

    private void list() {
        ListResult<T> result = store.list(type, ListOptions.all());
        if (listed) {
            metrics.relisted();
        }
        listed = true;
        sink.replace(result.items(), result.revision());
        revision = result.revision();
    }

    private enum Outcome { RELIST, RESUME, IDLE_END }

    private Outcome watch() throws InterruptedException {
        Watch<T> watch = store.watch(type, WatchOptions.fromRevision(revision));
        current = watch;
        boolean progressed = false;
        try {
            while (running) {
                WatchEvent<T> event = watch.poll(Duration.ZERO);
                if (event == null) {
                    if (watch.isClosed()) {
                        break;
                    }
                    revision = Math.max(revision, watch.revision());
                    event = watch.next();
                    if (event == null) {
                        break;
                    }
                }
                progressed = true;
                switch (event.type()) {
                    case ERROR -> {
                        LOG.debug("{} watch ended at revision {}: {}; relisting", type.kind(), event.revision(),
                                event.error().getMessage());
                        return Outcome.RELIST;
                    }
                    case BOOKMARK -> revision = Math.max(revision, event.revision());
                    default -> {
                        sink.apply(event);
                        revision = event.revision();
                    }
                }
            }
            return progressed ? Outcome.RESUME : Outcome.IDLE_END;
        } finally {
            current = null;
            watch.close();
        }
    }

    /** Waits on the clock before the next attempt; {@code false} if stopped meanwhile. */
    private boolean backOff(int failures) {
        long millis = Math.min(MAX_BACKOFF.toMillis(), MIN_BACKOFF.toMillis() << Math.min(failures - 1, 20));
        CompletableFuture<Void> due = new CompletableFuture<>();
        Cancellable timer = clock.schedule(Duration.ofMillis(millis), () -> due.complete(null));
        try {
            due.get();
            return running;
        } catch (InterruptedException e) {
            timer.cancel();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}

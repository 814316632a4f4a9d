package io.flotilla.core.apiserver.internal;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.store.WatchOptions;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal level-triggered control loop for the API server's own controllers: push watches on some kinds turn
 * events into string keys, a dirty set (no key queued twice) feeds one worker thread, and a key whose processing
 * fails is retried: at once after a {@code Conflict} (the object changed), not after a {@code NotFound} (it is
 * gone), with exponential backoff on the injected clock otherwise.
 *
 * <p>Thread-safe. The worker is a virtual thread started by {@link #start()}; {@link #close()} stops it and the
 * watches.
 */
public final class KeyLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeyLoop.class);
    private static final Duration BASE_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final String name;
    private final Clock clock;
    private final Consumer<String> process;
    private final Object lock = new Object();
    private final LinkedHashSet<String> dirty = new LinkedHashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final List<Watch<?>> watches = new ArrayList<>();
    private long processed;
    private boolean closed;
    private Thread worker;

    /**
     * @param name    for logs and the worker thread's name
     * @param clock   schedules retries
     * @param process handles one key; may throw to be retried
     */
    public KeyLoop(String name, Clock clock, Consumer<String> process) {
        this.name = name;
        this.clock = clock;
        this.process = process;
    }

    /**
     * Watches {@code type} from now, first replaying every existing object as ADDED; {@code keys} maps each event
     * to the keys to process. A watch that ends with an error is started again the same way.
     */
    public <T extends Resource> void watch(ApiServer api, ResourceType<T> type,
                                           Function<WatchEvent<T>, Collection<String>> keys) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            Watch<T> watch = api.watch(type, WatchOptions.fromNow().withInitialEvents(true), event -> {
                if (event.type() == WatchEvent.Type.ERROR) {
                    LOG.debug("{}: watch of {} ended ({}); watching again", name, type.plural(), event.error());
                    watch(api, type, keys);
                } else if (event.type() != WatchEvent.Type.BOOKMARK) {
                    keys.apply(event).forEach(this::enqueue);
                }
            });
            watches.add(watch);
        }
    }

    /** Queues a key unless it is queued already. */
    public void enqueue(String key) {
        synchronized (lock) {
            if (!closed && dirty.add(key)) {
                lock.notifyAll();
            }
        }
    }

    /** Starts the worker. */
    public KeyLoop start() {
        synchronized (lock) {
            if (worker == null && !closed) {
                worker = Thread.ofVirtual().name("flotilla-" + name).start(this::run);
            }
        }
        return this;
    }

    /**
     * Waits until the worker has processed at least one more key, or the timeout passes: lets tests wait for an
     * asynchronous outcome by re-checking their condition after each step.
     *
     * @return whether a key was processed
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitProgress(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long seen = processed;
            while (processed == seen && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return processed != seen;
        }
    }

    private void run() {
        while (true) {
            String key;
            synchronized (lock) {
                while (dirty.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                key = dirty.removeFirst();
            }
            handle(key);
        }
    }

    private void handle(String key) {
        try {
            process.accept(key);
            synchronized (lock) {
                failures.remove(key);
            }
        } catch (StoreException.Conflict changed) {
            enqueue(key);
        } catch (StoreException.NotFound gone) {
            LOG.trace("{}: {} is gone", name, key);
        } catch (RuntimeException e) {
            int n;
            synchronized (lock) {
                n = failures.merge(key, 1, Integer::sum);
            }
            Duration delay = BASE_DELAY.multipliedBy(1L << Math.min(n, 16));
            delay = delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
            LOG.warn("{}: processing {} failed (attempt {}), retrying in {}", name, key, n, delay, e);
            try {
                clock.schedule(delay, () -> enqueue(key));
            } catch (RuntimeException rejected) {
                LOG.debug("{}: clock closed, not retrying {}", name, key);
            }
        } finally {
            synchronized (lock) {
                processed++;
                lock.notifyAll();
            }
        }
    }

    /** Stops the worker and the watches. Idempotent. */
    @Override
    public void close() {
        List<Watch<?>> open;
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            open = List.copyOf(watches);
            watches.clear();
        }
        open.forEach(Watch::close);
    }

    @Override
    public String toString() {
        return "KeyLoop[" + name + "]";
    }
}

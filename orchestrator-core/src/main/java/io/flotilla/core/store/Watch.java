package io.flotilla.core.store;

import io.flotilla.api.meta.Resource;
import java.time.Duration;

/**
 * A pull-style watch on one kind: the changes after a revision, in revision order, with no gaps, filtered by the
 * watch's namespace and selectors (an object that stops matching arrives as {@code DELETED}, one that starts
 * matching as {@code ADDED}).
 *
 * <p>A watch reads the store's shared event log, so a watcher costs writers nothing; a watcher that falls more
 * than its backlog limit behind receives a terminal {@code ERROR} event holding {@link StoreException.Gone} and
 * must list again. {@link #poll} and {@link #next} are for one consumer thread at a time; {@link #close},
 * {@link #requestBookmark}, {@link #revision} and {@link #backlog} may be called from any thread.
 *
 * @param <T> the resource type
 */
public interface Watch<T extends Resource> extends AutoCloseable {

    /**
     * The next event, waiting up to {@code timeout} for one.
     *
     * @return the event, or {@code null} on timeout or once the watch is closed (after its terminal event)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    WatchEvent<T> poll(Duration timeout) throws InterruptedException;

    /**
     * The next event, waiting as long as needed.
     *
     * @return the event, or {@code null} once the watch is closed (after its terminal event)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    WatchEvent<T> next() throws InterruptedException;

    /**
     * Asks for a {@code BOOKMARK} event: it is delivered once the watcher has processed every change up to the
     * store revision current at this call.
     */
    void requestBookmark();

    /** The revision up to which this watcher has processed the log: resuming from it loses nothing. */
    long revision();

    /** How many revisions this watcher is behind the store (its queue depth). */
    long backlog();

    /** Whether the watch has ended (closed, or its terminal event delivered). */
    boolean isClosed();

    /** Ends the watch and releases everything it holds; a waiting {@link #poll} returns {@code null}. Idempotent. */
    @Override
    void close();
}

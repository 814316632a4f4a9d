package io.flotilla.examples.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests a URL every 20 ms on a virtual thread until closed, at most {@value #MAX_REQUESTS} times or for
 * {@link #MAX_TIME}: the client that proves an update had no downtime. Counts answers by body and keeps the first
 * failures. Thread-safe; {@link #close()} waits for the polling thread to finish.
 */
public final class ServicePoller implements AutoCloseable {
    /** The most requests a poller sends, whatever happens. */
    public static final int MAX_REQUESTS = 5_000;
    /** The longest a poller runs, whatever happens. */
    public static final Duration MAX_TIME = Duration.ofMinutes(3);
    private static final int KEPT_FAILURES = 5;

    private final URI url;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, Integer> answers = new TreeMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private ServicePoller(URI url) {
        this.url = url;
        this.thread = Thread.ofVirtual().name("poller " + url).unstarted(this::poll);
    }

    /** Starts polling {@code url}. */
    public static ServicePoller start(URI url) {
        ServicePoller poller = new ServicePoller(url);
        poller.thread.start();
        return poller;
    }

    private void poll() {
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        while (!stop.get() && sent.get() < MAX_REQUESTS && System.nanoTime() < deadline) {
            sent.incrementAndGet();
            try {
                String body = Http.get(url);
                synchronized (answers) {
                    answers.merge(body, 1, Integer::sum);
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                if (failures.size() < KEPT_FAILURES) {
                    failures.add(e.getMessage());
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Requests sent so far. */
    public int sent() {
        return sent.get();
    }

    /** Requests that failed (no answer, or not HTTP 200) so far. */
    public int failed() {
        return failed.get();
    }

    /** The first few failures' messages. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** How many times each distinct body was answered so far. */
    public Map<String, Integer> answers() {
        synchronized (answers) {
            return Map.copyOf(answers);
        }
    }

    /** One line: requests sent, failed, and the distinct answers with their counts. */
    public String summary() {
        return sent() + " requests, " + failed() + " failed" + (failures.isEmpty() ? "" : " " + failures())
                + "; answers: " + answers();
    }

    /** Stops polling and waits for the thread (at most 10 s). */
    @Override
    public void close() {
        stop.set(true);
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

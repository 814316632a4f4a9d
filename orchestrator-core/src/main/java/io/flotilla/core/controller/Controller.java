package io.flotilla.core.controller;

import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.controller.TerminalReconcileException;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.controller.ReconcileMetrics.Outcome;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered controller: its work queue, its event handlers and its workers. Obtained from
 * {@link ControllerBuilder#reconciler}; the {@link ControllerManager} starts and stops it.
 *
 * <p><b>Lifecycle.</b> When the manager starts, the controller registers its handlers with the event source (events
 * are queued from then on), waits until every kind it watches has synced, and then starts its workers, each a
 * virtual thread taking keys from the queue. When the manager closes, the controller unregisters its handlers, shuts
 * its queue down (keys still queued are dropped), lets in-flight reconciles finish within the grace period,
 * interrupts the ones that overrun, and waits for its threads to end.
 *
 * <p><b>Results.</b> {@code done} forgets the key's failures; {@code requeueAfter(d)} forgets them and re-adds the
 * key after {@code d} on the clock; {@code requeue} re-adds it with backoff; an exception re-adds it with backoff
 * and is logged at WARN; a {@link TerminalReconcileException} forgets the key and is logged at ERROR, with no retry.
 *
 * <p>Thread-safe.
 */
public final class Controller {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

    private final String name;
    private final Reconciler reconciler;
    private final int workerCount;
    private final Clock clock;
    private final WorkQueue<Request> queue;
    private final List<Watch<?>> watches;
    private final ReconcileMetrics metrics;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final List<Thread> workers = new ArrayList<>();
    private final List<EventSource.Registration> registrations = new ArrayList<>();
    private volatile boolean stopping;

    Controller(String name, Reconciler reconciler, int workerCount, Clock clock, WorkQueue<Request> queue,
               List<Watch<?>> watches, ReconcileMetrics metrics) {
        this.name = name;
        this.reconciler = reconciler;
        this.workerCount = workerCount;
        this.clock = clock;
        this.queue = queue;
        this.watches = List.copyOf(watches);
        this.metrics = metrics;
    }

    /** The controller's name, unique within its manager. */
    public String name() {
        return name;
    }

    /**
     * Queues a reconcile of {@code request}, as if an event had pointed at it. Ignored once the controller stops.
     *
     * @throws NullPointerException if {@code request} is {@code null}
     */
    public void enqueue(Request request) {
        queue.add(request);
    }

    /**
     * Completes when the workers have started (after every watched kind has synced); completes exceptionally if
     * a kind fails to sync or the controller stops first.
     */
    public CompletionStage<Void> started() {
        return started.copy();
    }

    /** How many keys are queued and ready, not counting keys being reconciled or waiting for a delay. */
    public int queueLength() {
        return queue.len();
    }

    /**
     * How many times {@code request} has been retried with backoff since its last successful reconcile.
     *
     * @throws NullPointerException if {@code request} is {@code null}
     */
    public int numRequeues(Request request) {
        return queue.numRequeues(request);
    }

    /**
     * Waits until no key is queued or being reconciled (keys waiting for a delay do not count), or {@code timeout}
     * of real time passes. For tests on a virtual clock: advance the clock, then wait for the workers to catch up.
     *
     * @return {@code true} if the controller became idle, {@code false} on timeout
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return queue.awaitIdle(timeout);
    }

    @Override
    public String toString() {
        return "Controller[" + name + "]";
    }

    /** Registers the handlers, then starts the workers once every watched kind has synced. */
    void start(EventSource source) {
        Set<ResourceType<?>> kinds = new LinkedHashSet<>();
        synchronized (this) {
            if (stopping) {
                return;
            }
            for (Watch<?> watch : watches) {
                registrations.add(watch.register(source));
                kinds.add(watch.type());
            }
        }
        CompletableFuture<?>[] syncs = kinds.stream()
                .map(kind -> source.synced(kind).toCompletableFuture()).toArray(CompletableFuture<?>[]::new);
        CompletableFuture.allOf(syncs).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("Controller {} did not start: its event source failed to sync", name, failure);
                started.completeExceptionally(failure);
            } else if (startWorkers()) {
                LOG.debug("Controller {} started {} workers", name, workerCount);
                started.complete(null);
            }
        });
    }

    /** Stops taking events and work; in-flight reconciles go on until {@link #awaitStopped}. */
    void beginStop() {
        List<EventSource.Registration> handlers;
        synchronized (this) {
            stopping = true;
            handlers = List.copyOf(registrations);
            registrations.clear();
        }
        handlers.forEach(EventSource.Registration::remove);
        queue.shutDown();
        started.completeExceptionally(new CancellationException("controller " + name + " stopped"));
    }

    /**
     * Waits for the workers until {@code deadlineNanos} ({@link System#nanoTime()} scale), interrupts those still
     * running, and waits for them as long again.
     */
    void awaitStopped(long deadlineNanos, Duration grace) throws InterruptedException {
        List<Thread> threads;
        synchronized (this) {
            threads = List.copyOf(workers);
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())));
        }
        List<Thread> overrunning = threads.stream().filter(Thread::isAlive).toList();
        if (overrunning.isEmpty()) {
            return;
        }
        LOG.warn("Controller {}: {} reconciles still running after {}; interrupting them", name, overrunning.size(),
                grace);
        overrunning.forEach(Thread::interrupt);
        for (Thread thread : overrunning) {
            thread.join(grace);
            if (thread.isAlive()) {
                LOG.error("Controller {}: worker {} ignores interruption; abandoning it", name, thread.getName());
            }
        }
    }

    private synchronized boolean startWorkers() {
        if (stopping) {
            return false;
        }
        Thread.Builder builder = Thread.ofVirtual().name("flotilla-controller-" + name + "-", 0);
        for (int i = 0; i < workerCount; i++) {
            workers.add(builder.start(this::work));
        }
        return true;
    }

    private void work() {
        while (true) {
            Request request;
            try {
                request = queue.get().orElse(null);
            } catch (InterruptedException e) {
                return;
            }
            if (request == null) {
                return;
            }
            try {
                if (!stopping) {
                    process(request);
                }
            } finally {
                queue.done(request);
            }
        }
    }

    private void process(Request request) {
        long start = clock.nanoTime();
        metrics.started();
        Outcome outcome = Outcome.ERROR;
        try {
            outcome = handle(request, reconciler.reconcile(request));
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Exception | Error failure) {
            // Other errors (assertions, linkage) are treated like exceptions, as controller-runtime recovers panics.
            outcome = fail(request, failure);
        } finally {
            metrics.finished(outcome, clock.nanoTime() - start);
        }
    }

    private Outcome handle(Request request, Result result) {
        switch (result) {
            case null -> {
                queue.forget(request);
                return Outcome.SUCCESS;
            }
            case Result.Done done -> {
                queue.forget(request);
                return Outcome.SUCCESS;
            }
            case Result.RequeueAfter(Duration delay) -> {
                queue.forget(request);
                queue.addAfter(request, delay);
                return Outcome.REQUEUE_AFTER;
            }
            case Result.Requeue requeue -> {
                queue.addRateLimited(request);
                return Outcome.REQUEUE;
            }
        }
    }

    private Outcome fail(Request request, Throwable failure) {
        if (stopping && (failure instanceof InterruptedException || Thread.currentThread().isInterrupted())) {
            LOG.debug("Controller {}: reconcile of {} interrupted by shutdown", name, request);
            return Outcome.INTERRUPTED;
        }
        if (TerminalReconcileException.isTerminal(failure)) {
            queue.forget(request);
            LOG.error("Controller {}: reconcile of {} failed terminally; not retrying until it changes", name,
                    request, failure);
            return Outcome.TERMINAL;
        }
        queue.addRateLimited(request);
        LOG.warn("Controller {}: reconcile of {} failed (retry {}); retrying with backoff", name, request,
                queue.numRequeues(request), failure);
        return Outcome.ERROR;
    }

    /** One handler registration a controller makes: a kind and the handler for it. */
    record Watch<T extends Resource>(ResourceType<T> type, ResourceEventHandler<? super T> handler) {
        Watch {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
        }

        EventSource.Registration register(EventSource source) {
            return source.addHandler(type, handler);
        }
    }
}

package io.flotilla.core.controller;

import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs controllers: registers them ({@link #controller(String)}), feeds them events from one {@link EventSource},
 * and starts and stops them together, like controller-runtime's manager.
 *
 * <pre>{@code
 * try (ControllerManager manager = ControllerManager.builder().eventSource(informers).clock(clock).build()) {
 *     manager.controller("configmap-sync").forType(ConfigMap.TYPE).workers(2).reconciler(new SyncReconciler());
 *     manager.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. Controllers may be registered before or after {@link #start()}; each starts its workers once the
 * kinds it watches have synced (see {@link Controller}). {@link #close()} stops them all: no new work is taken,
 * in-flight reconciles get the shutdown timeout (real time) to finish and are then interrupted, and {@code close}
 * returns when the worker threads have ended (or, for a reconcile that ignores interruption, after a second
 * timeout).
 */
public final class ControllerManager implements AutoCloseable {
    private final EventSource eventSource;
    private final Clock clock;
    private final MeterRegistry meterRegistry;
    private final Duration shutdownTimeout;
    private final Map<String, Controller> controllers = new LinkedHashMap<>();
    private boolean started;
    private boolean closed;

    private ControllerManager(Builder builder) {
        this.eventSource = Objects.requireNonNull(builder.eventSource, "an event source is required");
        this.clock = builder.clock;
        this.meterRegistry = builder.meterRegistry;
        this.shutdownTimeout = builder.shutdownTimeout;
    }

    /** A new builder; an {@link Builder#eventSource event source} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts registering a controller named {@code name} (unique within this manager, used in logs, metrics and
     * thread names).
     *
     * @throws IllegalArgumentException if {@code name} is blank or already registered
     * @throws NullPointerException     if {@code name} is {@code null}
     */
    public synchronized ControllerBuilder controller(String name) {
        checkName(name);
        return new ControllerBuilder(this, name);
    }

    /** The controller registered under {@code name}, if any. */
    public synchronized Optional<Controller> find(String name) {
        return Optional.ofNullable(controllers.get(name));
    }

    /** The registered controllers, in registration order. */
    public synchronized List<Controller> controllers() {
        return List.copyOf(controllers.values());
    }

    /** The clock the controllers' queues and metrics run on. */
    public Clock clock() {
        return clock;
    }

    /**
     * Starts every registered controller (and any registered later). Returns at once; workers start as the event
     * source syncs (see {@link Controller#started()}).
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() {
        if (closed || started) {
            throw new IllegalStateException(closed ? "controller manager is closed" : "already started");
        }
        started = true;
        controllers.values().forEach(controller -> controller.start(eventSource));
    }

    /** Whether {@link #start()} has been called and {@link #close()} has not. */
    public synchronized boolean isRunning() {
        return started && !closed;
    }

    /**
     * Stops every controller and waits for its workers (see the class comment). Idempotent. If the calling thread is
     * interrupted while waiting, it stops waiting and keeps its interrupt status.
     */
    @Override
    public void close() {
        List<Controller> stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = new ArrayList<>(controllers.values());
        }
        stopping.forEach(Controller::beginStop);
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        try {
            for (Controller controller : stopping) {
                controller.awaitStopped(deadline, shutdownTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    WorkQueue<Request> newQueue(String name, RateLimiter<Request> rateLimiter) {
        WorkQueue.Builder<Request> builder = WorkQueue.<Request>builder().name(name).clock(clock)
                .meterRegistry(meterRegistry);
        if (rateLimiter != null) {
            builder.rateLimiter(rateLimiter);
        }
        return builder.build();
    }

    synchronized Controller register(String name, Reconciler reconciler, int workers, WorkQueue<Request> queue,
                                     List<Controller.Watch<?>> watches) {
        checkName(name);
        Controller controller = new Controller(name, reconciler, workers, clock, queue, watches,
                new ReconcileMetrics(meterRegistry, name));
        controllers.put(name, controller);
        if (started) {
            controller.start(eventSource);
        }
        return controller;
    }

    private void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (closed) {
            throw new IllegalStateException("controller manager is closed");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("a controller needs a name");
        }
        if (controllers.containsKey(name)) {
            throw new IllegalArgumentException("a controller named " + name + " is already registered");
        }
    }

    /** Configures a {@link ControllerManager}. Not thread-safe; every setter returns {@code this}. */
    public static final class Builder {
        private EventSource eventSource;
        private Clock clock = Clock.system();
        private MeterRegistry meterRegistry;
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Where events come from (in Flotilla, the shared informers); required. */
        public Builder eventSource(EventSource eventSource) {
            this.eventSource = Objects.requireNonNull(eventSource, "eventSource");
            return this;
        }

        /** The clock for delayed requeues, backoff and metrics; default {@link Clock#system()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where to register work-queue and reconcile meters; {@code null} (the default) records nothing. */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        /**
         * How long (real time) {@link #close()} lets in-flight reconciles finish before interrupting them;
         * default 30 s, as controller-runtime's graceful shutdown timeout.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
            if (shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("shutdown timeout must not be negative: " + shutdownTimeout);
            }
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /**
         * The manager.
         *
         * @throws NullPointerException if no event source was set
         */
        public ControllerManager build() {
            return new ControllerManager(this);
        }
    }
}

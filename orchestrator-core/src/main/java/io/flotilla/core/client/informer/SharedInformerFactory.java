package io.flotilla.core.client.informer;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.controller.EventSource;
import io.flotilla.core.controller.ResourceEventHandler;
import io.flotilla.core.store.ObjectStore;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@link SharedInformer} per kind, shared by every controller, scheduler and agent in a control plane, as
 * client-go's {@code SharedInformerFactory}; also the {@link EventSource} a
 * {@link io.flotilla.core.controller.ControllerManager} is fed by.
 *
 * <pre>{@code
 * try (SharedInformerFactory informers = SharedInformerFactory.builder(store).clock(clock).build()) {
 *     Lister<Pod> pods = informers.lister(Pod.TYPE);
 *     informers.start();
 *     informers.waitForCacheSync(Duration.ofSeconds(10));
 *     List<Pod> onNode = pods.byIndex(Indexers.NODE, "edge-1");
 * }
 * }</pre>
 *
 * <p>Informers are created on first use; {@link #start()} starts those created so far and every one created later.
 * Registering a handler through the {@link EventSource} interface starts that kind's informer at once (as the
 * controller manager expects). Thread-safe.
 */
public final class SharedInformerFactory implements EventSource, AutoCloseable {
    private final ListWatch source;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Indexers indexers;
    private final Duration resyncPeriod;
    private final Map<ResourceType<?>, SharedInformer<?>> informers = new LinkedHashMap<>();
    private boolean started;
    private boolean closed;

    private SharedInformerFactory(Builder builder) {
        this.source = builder.source;
        this.clock = builder.clock;
        this.registry = builder.registry;
        this.indexers = builder.indexers;
        this.resyncPeriod = builder.resyncPeriod;
    }

    /**
     * A builder of a factory over {@code store}.
     *
     * @throws NullPointerException if {@code store} is {@code null}
     */
    public static Builder builder(ObjectStore store) {
        return new Builder(ListWatch.of(Objects.requireNonNull(store, "store")));
    }

    /**
     * A builder of a factory whose informers list and watch through {@code api}, as Kubernetes' informers read
     * through kube-apiserver.
     *
     * @throws NullPointerException if {@code api} is {@code null}
     */
    public static Builder builder(ApiServer api) {
        return new Builder(ListWatch.of(Objects.requireNonNull(api, "api")));
    }

    /**
     * The informer of {@code type}, created (with the registered {@link Indexers}) on first use, and started if
     * this factory has been started.
     *
     * @throws IllegalStateException if the factory is closed
     * @throws NullPointerException  if {@code type} is {@code null}
     */
    @SuppressWarnings("unchecked")
    public synchronized <T extends Resource> SharedInformer<T> informerFor(ResourceType<T> type) {
        Objects.requireNonNull(type, "type");
        if (closed) {
            throw new IllegalStateException("informer factory is closed");
        }
        SharedInformer<T> informer = (SharedInformer<T>) informers.get(type);
        if (informer == null) {
            informer = new SharedInformer<>(source, type, clock, resyncPeriod, indexers.forType(type), registry);
            informers.put(type, informer);
            if (started) {
                informer.start();
            }
        }
        return informer;
    }

    /** The lister of {@code type}'s informer (creating the informer if needed; see {@link #informerFor}). */
    public <T extends Resource> Lister<T> lister(ResourceType<T> type) {
        return informerFor(type).lister();
    }

    /** Starts every informer created so far and, from now on, every one created later. Idempotent. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("informer factory is closed");
        }
        started = true;
        informers.values().forEach(SharedInformer::start);
    }

    /**
     * Waits until every informer created so far has synced, or {@code timeout} (real time) passes.
     *
     * @return {@code true} if all synced, {@code false} on timeout or if one was closed before it synced
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean waitForCacheSync(Duration timeout) throws InterruptedException {
        List<SharedInformer<?>> all;
        synchronized (this) {
            all = List.copyOf(informers.values());
        }
        CompletableFuture<?>[] syncs = all.stream().map(i -> i.synced().toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(syncs).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            return false;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Creates and starts the kind's informer if needed (even before {@link #start()}). After {@link #close()}
     * the handler is ignored and the returned registration does nothing.
     */
    @Override
    public <T extends Resource> Registration addHandler(ResourceType<T> type,
                                                        ResourceEventHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        SharedInformer<T> informer;
        synchronized (this) {
            if (closed) {
                Objects.requireNonNull(type, "type");
                return () -> { };
            }
            informer = informerFor(type);
            informer.start();
        }
        return informer.addEventHandler(handler);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Creates and starts the kind's informer if needed; fails at once if the factory is closed.
     */
    @Override
    public CompletionStage<Void> synced(ResourceType<?> type) {
        Objects.requireNonNull(type, "type");
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new CancellationException("informer factory is closed"));
            }
            SharedInformer<?> informer = informerFor(type);
            informer.start();
            return informer.synced();
        }
    }

    /** Stops every informer (see {@link SharedInformer#close()}). Idempotent. */
    @Override
    public void close() {
        List<SharedInformer<?>> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = List.copyOf(informers.values());
        }
        all.forEach(SharedInformer::close);
    }

    /** Configures a {@link SharedInformerFactory}. Not thread-safe; every setter returns {@code this}. */
    public static final class Builder {
        private final ListWatch source;
        private Clock clock = Clock.system();
        private MeterRegistry registry;
        private Indexers indexers = Indexers.defaults();
        private Duration resyncPeriod;

        private Builder(ListWatch source) {
            this.source = source;
        }

        /** The clock for resyncs, retry backoff and handler timing; default {@link Clock#system()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where to register the informers' meters; {@code null} (the default) records nothing. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** The indexes each kind's informer gets; default {@link Indexers#defaults()}. */
        public Builder indexers(Indexers indexers) {
            this.indexers = Objects.requireNonNull(indexers, "indexers");
            return this;
        }

        /**
         * Redelivers every cached object to every handler as an update this often; {@code null} (the default)
         * for never. Controllers rarely need it: they requeue themselves.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder resyncPeriod(Duration period) {
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("resync period must be positive, was " + period);
            }
            this.resyncPeriod = period;
            return this;
        }

        /** The factory. */
        public SharedInformerFactory build() {
            return new SharedInformerFactory(this);
        }
    }
}

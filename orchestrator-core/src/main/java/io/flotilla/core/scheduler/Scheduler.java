package io.flotilla.core.scheduler;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.PersistentVolume;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.storage.StorageClass;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.events.EventSink;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.time.Cancellable;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/*
 * Design notes: the wiring of kube-scheduler. Informers (shared with other components when a factory is given)
 * feed the cache and the queue through ClusterEventHandlers; one platform thread runs the scheduling loop
 * (ScheduleOne) over a single incremental Snapshot; binding runs on virtual threads. Periodic work — backoff
 * flush (1 s), the unschedulable leftover flush (30 s), expiry of unconfirmed assumptions (1 s) — is scheduled on
 * the injected clock, so tests drive it by advancing a VirtualClock.
 */

/**
 * The scheduler: watches pending pods whose {@code spec.schedulerName} names one of its {@link Profile}s (default
 * {@code default-scheduler}), places each on a node through the profile's plugins, and binds it through the API
 * server. Nodes need nothing but their Node objects (capacity, allocatable, labels, taints), so simulated clusters
 * of thousands of nodes schedule in-process.
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.builder(api).profile(Scheduling.binPacking()).clock(clock).build();
 * scheduler.start();
 * ...
 * scheduler.close();
 * }</pre>
 *
 * <p>Thread-safe. {@link #start()} and {@link #close()} are idempotent.
 */
public final class Scheduler implements AutoCloseable {

    private final Clock clock;
    private final ApiServer api;
    private final SharedInformerFactory informers;
    private final boolean ownInformers;
    private final EventRecorder recorder;
    private final boolean ownRecorder;
    private final ExecutorService ownExecutor;
    final SchedulerCache cache;
    final SchedulingQueue queue;
    final Map<String, Framework> frameworks = new LinkedHashMap<>();
    final ClusterEventHandlers handlers;
    final SchedulerServices services;
    private final ScheduleOne scheduleOne;
    private final List<Cancellable> timers = new ArrayList<>();
    private Thread loop;
    private volatile boolean running;
    private boolean closed;

    private Scheduler(Builder b) {
        this.clock = b.clock;
        this.api = b.api;
        this.ownInformers = b.informers == null && b.api != null;
        this.informers = b.informers != null ? b.informers
                : b.api != null ? SharedInformerFactory.builder(b.api).clock(b.clock).meterRegistry(b.meters).build()
                : null;
        this.ownRecorder = b.recorder == null && b.api != null;
        this.recorder = b.recorder != null ? b.recorder : b.api != null
                ? EventRecorder.builder(EventSink.of(Client.over(b.api)), Profile.DEFAULT_SCHEDULER_NAME)
                .clock(b.clock).meterRegistry(b.meters).build() : null;
        this.ownExecutor = b.executor == null ? Executors.newVirtualThreadPerTaskExecutor() : null;
        Executor executor = b.executor != null ? b.executor : ownExecutor;
        Nominator nominator = new Nominator();
        WaitingPods waiting = new WaitingPods(clock);
        this.services = new SchedulerServices(clock, api, recorder, new InformerObjectLookup(informers), nominator,
                waiting, new Snapshot(), executor);
        this.cache = new SchedulerCache(clock, b.assumedPodTtl);
        Map<String, List<ClusterEventWithHint>> subscriptions = new HashMap<>();
        List<Profile> profiles = b.profiles.isEmpty() ? List.of(Scheduling.spread()) : b.profiles;
        for (Profile p : profiles) {
            if (frameworks.containsKey(p.schedulerName())) {
                throw new IllegalArgumentException("two profiles are named " + p.schedulerName());
            }
            Framework fwk = new Framework(p, b.registry, new FrameworkHandle(p.schedulerName(), services));
            frameworks.put(p.schedulerName(), fwk);
            fwk.eventsToRegister().forEach((plugin, subs) -> subscriptions.merge(plugin, subs, (x, y) -> {
                List<ClusterEventWithHint> all = new ArrayList<>(x);
                all.addAll(y);
                return all;
            }));
        }
        Framework first = frameworks.values().iterator().next();
        this.queue = new SchedulingQueue(clock, first::compare, b.initialBackoff, b.maxBackoff,
                SchedulingQueue.DEFAULT_MAX_UNSCHEDULABLE, subscriptions);
        Map<String, NodeSelection> selections = new HashMap<>();
        RandomGenerator random = b.random != null ? b.random : new SplittableRandom();
        frameworks.forEach((name, fwk) -> selections.put(name, new NodeSelection(fwk, nominator, random)));
        SchedulerMetrics metrics = new SchedulerMetrics(b.meters, queue);
        this.scheduleOne = new ScheduleOne(services, cache, queue, frameworks, selections, metrics);
        this.handlers = new ClusterEventHandlers(cache, queue, frameworks.keySet(), nominator, waiting);
    }

    /**
     * A builder for a scheduler that watches and binds through {@code api}.
     *
     * @param api the API server; not null
     */
    public static Builder builder(ApiServer api) {
        return new Builder(Objects.requireNonNull(api, "api"));
    }

    /** A builder for a scheduler without an API server, fed by hand; for tests of the framework itself. */
    static Builder detached() {
        return new Builder(null);
    }

    /**
     * Starts the informers (if this scheduler owns them), the periodic queue flushes and the scheduling loop; the
     * loop waits for the node and pod caches to sync before its first pod.
     *
     * @throws IllegalStateException if the scheduler was closed
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("scheduler is closed");
        }
        if (running) {
            return;
        }
        running = true;
        if (informers != null) {
            informers.addHandler(Node.TYPE, handlers.nodes());
            informers.addHandler(Pod.TYPE, handlers.pods());
            informers.addHandler(PersistentVolumeClaim.TYPE, handlers.events(EventResource.PERSISTENT_VOLUME_CLAIM));
            informers.addHandler(PersistentVolume.TYPE, handlers.events(EventResource.PERSISTENT_VOLUME));
            informers.addHandler(StorageClass.TYPE, handlers.events(EventResource.STORAGE_CLASS));
            informers.start();
        }
        timers.add(clock.scheduleAtFixedRate(Duration.ofSeconds(1), Duration.ofSeconds(1),
                queue::flushBackoffCompleted));
        timers.add(clock.scheduleAtFixedRate(Duration.ofSeconds(30), Duration.ofSeconds(30),
                queue::flushUnschedulableLeftover));
        timers.add(clock.scheduleAtFixedRate(Duration.ofSeconds(1), Duration.ofSeconds(1), cache::cleanupExpired));
        loop = Thread.ofPlatform().name("flotilla-scheduler").daemon().start(this::run);
    }

    private void run() {
        try {
            if (informers != null) {
                informers.synced(Node.TYPE).toCompletableFuture().join();
                informers.synced(Pod.TYPE).toCompletableFuture().join();
            }
            while (running) {
                QueuedPod q = queue.pop(Duration.ofSeconds(1));
                if (q != null) {
                    scheduleOne.schedule(q);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                throw e;
            }
        }
    }

    /**
     * Runs one scheduling cycle on the calling thread if a pod is ready; for tests that drive a detached
     * scheduler without its loop.
     *
     * @return whether a pod was taken from the queue
     */
    boolean scheduleNext() {
        QueuedPod q = queue.tryPop();
        if (q == null) {
            return false;
        }
        scheduleOne.schedule(q);
        return true;
    }

    /** The number of pods waiting to be scheduled (active, backing off, or unschedulable). */
    public int pendingPods() {
        return queue.activeSize() + queue.backoffSize() + queue.unschedulableSize();
    }

    /** The profiles, by scheduler name. */
    public Map<String, Profile> profiles() {
        Map<String, Profile> out = new LinkedHashMap<>();
        frameworks.forEach((name, fwk) -> out.put(name, fwk.profile()));
        return out;
    }

    /** Stops the loop, the timers, and the informers, recorder and executor this scheduler created. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
            t = loop;
        }
        queue.close();
        timers.forEach(Cancellable::cancel);
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownInformers) {
            informers.close();
        }
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
        if (ownRecorder) {
            recorder.close();
        }
    }

    /** Builds a {@link Scheduler}. Not thread-safe; every setter returns this builder. */
    public static final class Builder {
        private final ApiServer api;
        private Clock clock = Clock.system();
        private Registry registry = Registry.inTree();
        private final List<Profile> profiles = new ArrayList<>();
        private SharedInformerFactory informers;
        private EventRecorder recorder;
        private MeterRegistry meters;
        private Executor executor;
        private RandomGenerator random;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private Duration assumedPodTtl = Duration.ofSeconds(30);

        private Builder(ApiServer api) {
            this.api = api;
        }

        /** The clock for backoff, timeouts, timestamps and periodic flushes; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The plugin registry; default {@link Registry#inTree()}. Add user plugins to it before building. */
        public Builder registry(Registry registry) {
            this.registry = registry.copy();
            return this;
        }

        /** Adds a profile; default a single {@link Scheduling#spread()}. Every profile must use the same QueueSort. */
        public Builder profile(Profile profile) {
            profiles.add(Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /** Shares an informer factory with other components; default the scheduler creates (and closes) its own. */
        public Builder informers(SharedInformerFactory informers) {
            this.informers = informers;
            return this;
        }

        /** The recorder for FailedScheduling and Preempted events; default one writing through the API. */
        public Builder eventRecorder(EventRecorder recorder) {
            this.recorder = recorder;
            return this;
        }

        /** Where to publish metrics; default none. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meters = registry;
            return this;
        }

        /** Runs binding cycles and API writes; default a virtual thread per task. Tests may pass a direct one. */
        public Builder bindingExecutor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** The source of randomness for breaking score ties; default unseeded. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** Seeds the tie-breaking randomness, for reproducible placements. */
        public Builder seed(long seed) {
            this.random = new SplittableRandom(seed);
            return this;
        }

        /** The per-pod backoff: {@code initial}, doubling per attempt up to {@code max}; default 1 s and 10 s. */
        public Builder podBackoff(Duration initial, Duration max) {
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** How long an assumed pod whose binding finished may stay unconfirmed by the informer; default 30 s. */
        public Builder assumedPodTtl(Duration ttl) {
            this.assumedPodTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * The scheduler, with every profile's plugins created.
         *
         * @throws IllegalArgumentException if a profile names an unregistered plugin, plugin arguments are invalid,
         *                                  or two profiles share a name
         */
        public Scheduler build() {
            return new Scheduler(this);
        }
    }
}

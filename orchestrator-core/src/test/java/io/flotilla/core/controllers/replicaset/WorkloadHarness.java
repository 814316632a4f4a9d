package io.flotilla.core.controllers.replicaset;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.autoscaling.HorizontalPodAutoscaler;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.apiserver.ApiServerBuilder;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.apiserver.gc.GarbageCollector;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.events.EventSink;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.controller.ControllerManager;
import io.flotilla.core.controllers.ControllerContext;
import io.flotilla.core.controllers.deployment.DeploymentController;
import io.flotilla.core.controllers.hpa.HorizontalPodAutoscalerController;
import io.flotilla.core.controllers.hpa.PodMetricsSource;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A control plane for step-by-step workload controller tests: an API server on an in-memory store and a virtual
 * clock, started informers, and the ReplicaSet, Deployment and HorizontalPodAutoscaler reconcilers driven
 * synchronously. Before every reconcile the harness waits until the informer caches equal the store, so each
 * reconcile sees the latest state and a run is deterministic. A test stands in for the scheduler and the node
 * agent with {@link #markReady} and {@link #finishTerminating}. Events go to {@link #events}, not to the store.
 */
public final class WorkloadHarness implements AutoCloseable {
    private static final List<ResourceType<?>> CACHED = List.of(Pod.TYPE, ReplicaSet.TYPE, Deployment.TYPE,
            HorizontalPodAutoscaler.TYPE);

    public final VirtualClock clock = VirtualClock.create();
    public final InMemoryObjectStore store = InMemoryObjectStore.create();
    public final ApiServer api;
    public final Client client;
    public final List<Event> events = new CopyOnWriteArrayList<>();
    private final SharedInformerFactory informers;
    private final GarbageCollector gc;
    private final ControllerManager manager;
    private final EventRecorder recorder;
    private final Reconciler replicaSets;
    private final Reconciler deployments;
    private final Reconciler autoscalers;
    private volatile Runnable afterEachReconcile = () -> { };
    private int reconciles;

    /** A harness whose autoscaler reads {@code metrics}. */
    public WorkloadHarness(PodMetricsSource metrics) {
        this(metrics, b -> { });
    }

    /** A harness whose API server is further configured by {@code configure} (admission plugins, say). */
    public WorkloadHarness(PodMetricsSource metrics, Consumer<ApiServerBuilder> configure) {
        ApiServerBuilder builder = ApiServer.builder().store(store).clock(clock).backgroundControllers(false);
        configure.accept(builder);
        api = builder.build();
        client = Client.over(api, "test-controllers");
        informers = SharedInformerFactory.builder(api).clock(clock).build();
        CACHED.forEach(informers::informerFor);
        gc = GarbageCollector.create(api, clock);
        manager = ControllerManager.builder().eventSource(informers).clock(clock).build();
        recorder = EventRecorder.builder(new ListSink(events), "test").clock(clock).build();
        ControllerContext context = new ControllerContext(manager, client, informers, clock, name -> recorder);
        replicaSets = ReplicaSetController.reconciler(context);
        deployments = DeploymentController.reconciler(context);
        autoscalers = HorizontalPodAutoscalerController.reconciler(context, metrics);
        informers.start();
        try {
            if (!informers.waitForCacheSync(Duration.ofSeconds(10))) {
                throw new AssertionError("informers did not sync");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A harness without metrics. */
    public WorkloadHarness() {
        this(PodMetricsSource.unavailable());
    }

    /** Runs {@code check} after every single reconcile (for invariants that must hold at every step). */
    public void afterEachReconcile(Runnable check) {
        afterEachReconcile = Objects.requireNonNull(check);
    }

    /** How many reconciles have run. */
    public int reconciles() {
        return reconciles;
    }

    /**
     * Reconciles every Deployment, then every ReplicaSet (with the garbage collector between passes), until a pass
     * writes nothing.
     */
    public void settle() {
        for (int pass = 0; pass < 500; pass++) {
            long before = api.revision();
            gc.sync();
            for (Deployment d : list(Deployment.TYPE)) {
                reconcile(deployments, d);
            }
            for (ReplicaSet rs : list(ReplicaSet.TYPE)) {
                reconcile(replicaSets, rs);
            }
            if (api.revision() == before) {
                return;
            }
        }
        throw new AssertionError("controllers did not settle");
    }

    /** Reconciles one ReplicaSet once. */
    public Result reconcileReplicaSet(String namespace, String name) {
        return reconcile(replicaSets, Request.of(namespace, name));
    }

    /** Reconciles one Deployment once. */
    public Result reconcileDeployment(String namespace, String name) {
        return reconcile(deployments, Request.of(namespace, name));
    }

    /** Reconciles every autoscaler once. */
    public void syncAutoscalers() {
        for (HorizontalPodAutoscaler hpa : list(HorizontalPodAutoscaler.TYPE)) {
            reconcile(autoscalers, hpa);
        }
    }

    private void reconcile(Reconciler reconciler, Resource object) {
        reconcile(reconciler, Request.of(object));
    }

    private Result reconcile(Reconciler reconciler, Request request) {
        awaitCaches();
        Result result;
        try {
            result = reconciler.reconcile(request);
        } catch (Exception e) {
            throw new AssertionError("reconcile of " + request + " failed", e);
        }
        reconciles++;
        afterEachReconcile.run();
        return result;
    }

    /** The events recorded so far, after the recorder has written everything queued. */
    public List<Event> flushEvents() {
        try {
            recorder.flush(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(events);
    }

    /** The context the reconcilers were built from (for building more, over other informers). */
    public ControllerContext context(SharedInformerFactory otherInformers) {
        return new ControllerContext(manager, client, otherInformers, clock, name -> recorder);
    }

    /** Every stored object of a kind, by namespace and name. */
    public <T extends Resource> List<T> list(ResourceType<T> type) {
        return store.list(type, ListOptions.all()).items().stream()
                .sorted((a, b) -> (a.metadata().namespace() + "/" + a.metadata().name())
                        .compareTo(b.metadata().namespace() + "/" + b.metadata().name()))
                .toList();
    }

    /** The stored pods matching {@code selector} that are not being deleted and not finished. */
    public List<Pod> activePods(LabelSelector selector) {
        return list(Pod.TYPE).stream().filter(p -> selector.matches(p.metadata().labels()))
                .filter(p -> !p.metadata().isDeleting() && !p.isTerminal()).toList();
    }

    /**
     * Stands in for the scheduler and node agent: binds up to {@code count} active, not-ready pods matching
     * {@code filter} (oldest name first) to {@code node-1} and makes them Running and Ready now.
     *
     * @return the pods made ready
     */
    public List<Pod> markReady(int count, Predicate<Pod> filter) {
        List<Pod> chosen = list(Pod.TYPE).stream()
                .filter(p -> !p.metadata().isDeleting() && !p.isTerminal() && !p.isReady())
                .filter(filter).limit(count).toList();
        List<Pod> out = new ArrayList<>();
        for (Pod pod : chosen) {
            out.add(markReady(pod, "node-1", 0));
        }
        return out;
    }

    /** Makes one pod bound, Running and Ready, with {@code restarts} container restarts. */
    public Pod markReady(Pod pod, String node, int restarts) {
        String ns = pod.metadata().namespace();
        String name = pod.metadata().name();
        client.pods().update(ns, name, p -> p.nodeName() == null || p.nodeName().isEmpty()
                ? p.withSpec(p.spec().withNodeName(node)) : p);
        return client.pods().inNamespace(ns).updateStatus(name, p -> p.withStatus(readyStatus(p, restarts)));
    }

    private PodStatus readyStatus(Pod pod, int restarts) {
        var now = clock.now();
        List<ContainerStatus> containers = pod.spec().containers().stream()
                .map(c -> new ContainerStatus(c.name(), null, null, true, restarts, c.image(), null, null, true))
                .toList();
        return new PodStatus(PodStatus.RUNNING, List.of(
                PodCondition.of(PodCondition.POD_SCHEDULED, PodCondition.TRUE, now),
                PodCondition.of(PodCondition.CONTAINERS_READY, PodCondition.TRUE, now),
                PodCondition.of(PodCondition.READY, PodCondition.TRUE, now)),
                null, null, "10.0.0.1", "10.1.0.1", List.of(), now, List.of(), containers, null);
    }

    /** Stands in for the node agent: removes every pod marked for deletion. */
    public int finishTerminating() {
        int n = 0;
        for (Pod pod : list(Pod.TYPE)) {
            if (pod.metadata().isDeleting()) {
                try {
                    client.pods().inNamespace(pod.metadata().namespace())
                            .delete(pod.metadata().name(), DeleteOptions.defaults().withGracePeriodSeconds(0));
                    n++;
                } catch (StoreException.NotFound gone) {
                    // already gone
                }
            }
        }
        return n;
    }

    /** Waits (bounded, real time) until every informer cache holds exactly the stored versions. */
    public void awaitCaches() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cachesCurrent()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("informer caches did not catch up with the store");
            }
            LockSupport.parkNanos(50_000);
        }
    }

    private boolean cachesCurrent() {
        for (ResourceType<?> type : CACHED) {
            if (!versions(store.list(type, ListOptions.all()).items())
                    .equals(versions(informers.lister(type).list()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> versions(List<? extends Resource> objects) {
        Map<String, String> out = new HashMap<>();
        for (Resource r : objects) {
            out.put(r.metadata().namespace() + "/" + r.metadata().name(), r.metadata().resourceVersion());
        }
        return out;
    }

    @Override
    public void close() {
        recorder.close();
        manager.close();
        informers.close();
        gc.close();
        api.close();
        store.close();
    }

    /** Collects events in a list. */
    private record ListSink(List<Event> events) implements EventSink {
        @Override
        public Event create(Event event) {
            events.add(event);
            return event;
        }

        @Override
        public Event update(Event event) {
            events.add(event);
            return event;
        }

        @Override
        public List<Event> list() {
            return List.copyOf(events);
        }

        @Override
        public void delete(String namespace, String name) {
            // events are kept for assertions
        }
    }
}

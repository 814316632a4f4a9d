package io.flotilla.core.controllers.harness;

import static org.awaitility.Awaitility.await;

import io.flotilla.api.core.Event;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.apiserver.gc.GarbageCollector;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.events.EventSink;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A control plane for controller unit tests: a virtual clock, an API server whose garbage collector the test drives
 * ({@link #settle()}), started informers for the kinds under test, an event recorder that keeps what it records,
 * and test doubles of the scheduler and node agent (binding pods, writing their status, confirming graceful
 * deletion). Reconcilers are called by the test itself after {@link #settle()}, so every step is deterministic.
 */
public final class ControllerHarness implements AutoCloseable {
    /** The namespace tests work in. */
    public static final String NS = "default";

    public final VirtualClock clock = VirtualClock.create();
    public final InMemoryObjectStore store = InMemoryObjectStore.create();
    public final ApiServer api;
    public final Client client;
    public final SharedInformerFactory informers;
    public final GarbageCollector gc;
    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final EventRecorder recorder;
    private final List<ResourceType<?>> types;

    /** A harness with informers for {@code types} (started and synced). */
    public ControllerHarness(ResourceType<?>... types) {
        api = ApiServer.builder().store(store).clock(clock).backgroundControllers(false).build();
        client = Client.over(api);
        gc = GarbageCollector.create(api, clock);
        informers = SharedInformerFactory.builder(api).clock(clock).build();
        this.types = List.of(types);
        this.types.forEach(informers::informerFor);
        informers.start();
        recorder = EventRecorder.builder(new CapturingSink(), "test").clock(clock).build();
        settle();
    }

    /** The cache of {@code type}. */
    public <T extends Resource> Lister<T> lister(ResourceType<T> type) {
        return informers.lister(type);
    }

    /** Runs the garbage collector until quiet, then waits until every informer shows the store's state. */
    public void settle() {
        for (int i = 0; i < 50 && gc.sync() > 0; i++) {
            // keep collecting
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2)).until(this::caughtUp);
    }

    private boolean caughtUp() {
        for (ResourceType<?> type : types) {
            if (!versions(store.list(type, ListOptions.all()).items())
                    .equals(versions(informers.lister(type).list()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> versions(List<? extends Resource> items) {
        Map<String, String> out = new HashMap<>();
        items.forEach(r -> out.put(r.metadata().namespace() + "/" + r.metadata().name(),
                r.metadata().resourceVersion()));
        return out;
    }

    /** The stored pod, or an AssertionError. */
    public Pod pod(String name) {
        return client.pods().inNamespace(NS).get(name).orElseThrow(() -> new AssertionError("no pod " + name));
    }

    /** The names of the stored pods, sorted. */
    public List<String> podNames() {
        return client.pods().inNamespace(NS).list().stream().map(p -> p.metadata().name()).sorted().toList();
    }

    /** The names of the stored pods not being deleted, sorted. */
    public List<String> livePodNames() {
        return client.pods().inNamespace(NS).list().stream().filter(p -> !p.metadata().isDeleting())
                .map(p -> p.metadata().name()).sorted().toList();
    }

    /** The reasons of the events recorded so far, in order. */
    public List<String> eventReasons() {
        try {
            // the recorder writes on its own thread: what was recorded so far must have reached the sink
            if (!recorder.flush(Duration.ofSeconds(10))) {
                throw new AssertionError("the event recorder did not write its queue within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while flushing events", e);
        }
        return events.stream().map(Event::reason).toList();
    }

    /** As the scheduler: binds the pod to {@code node} if it is not bound yet. */
    public Pod bind(String pod, String node) {
        return client.pods().update(NS, pod, p -> p.nodeName() != null ? p
                : p.withSpec(p.spec().withNodeName(node)));
    }

    /** As the node agent: the pod runs and is ready (bound to node "node-1" first if it is not bound). */
    public Pod runningReady(String pod) {
        bind(pod, "node-1");
        return status(pod, s -> s.withPhase(PodStatus.RUNNING).withCondition(
                PodCondition.of(PodCondition.READY, PodCondition.TRUE, clock.now())));
    }

    /** As the node agent: the pod runs but is not ready. */
    public Pod runningNotReady(String pod) {
        bind(pod, "node-1");
        return status(pod, s -> s.withPhase(PodStatus.RUNNING).withCondition(
                PodCondition.of(PodCondition.READY, PodCondition.FALSE, clock.now())));
    }

    /** As the node agent: the pod ended in {@code phase} ({@code Succeeded} or {@code Failed}). */
    public Pod finished(String pod, String phase) {
        bind(pod, "node-1");
        return status(pod, s -> s.withPhase(phase).withCondition(
                PodCondition.of(PodCondition.READY, PodCondition.FALSE, clock.now())));
    }

    /** Rewrites a pod's status. */
    public Pod status(String pod, UnaryOperator<PodStatus> change) {
        return client.pods().inNamespace(NS).updateStatus(pod, p -> p.withStatus(change.apply(
                p.status() == null ? PodStatus.of(PodStatus.PENDING) : p.status())));
    }

    /** As the node agent: confirms the graceful deletion of a pod (deletes it with grace 0). */
    public void confirmDeletion(String pod) {
        client.pods().inNamespace(NS).delete(pod, DeleteOptions.defaults().withGracePeriodSeconds(0));
    }

    /** Confirms the deletion of every pod being deleted. */
    public void confirmAllDeletions() {
        client.pods().inNamespace(NS).list().stream().filter(p -> p.metadata().isDeleting())
                .forEach(p -> confirmDeletion(p.metadata().name()));
    }

    /** Registers a node. */
    public Node node(Node node) {
        return client.nodes().create(node);
    }

    @Override
    public void close() {
        recorder.close();
        informers.close();
        gc.close();
        api.close();
    }

    private final class CapturingSink implements EventSink {
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

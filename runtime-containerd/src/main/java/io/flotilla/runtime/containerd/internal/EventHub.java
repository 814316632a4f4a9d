package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeEventListener;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.runtime.containerd.cri.Cri;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime events for a CRI runtime, derived like kubelet's PLEG: a relist loop compares the runtime's sandboxes and
 * containers with what it saw last and emits every step in between, in order (a container first seen exited yields
 * created, started and exited), so no step is skipped however fast a container runs. The runtime {@link #poke}s the
 * loop after its own changes, and a {@code GetContainerEvents} stream, where the runtime has one, pokes it too: events
 * are prompt, yet one code path decides what happened.
 *
 * <p>Thread-safe. The loop runs on one virtual thread while there are listeners; listeners are called one at a time
 * under the hub's lock, in order. A failed relist is followed, once the runtime answers again, by
 * {@link RuntimeEventListener#onGap}.
 */
public final class EventHub implements AutoCloseable {
    /** What the hub reads from the runtime. */
    public interface Source {
        /** Every container. */
        List<Cri.Container> containers();

        /** Every sandbox. */
        List<Cri.PodSandbox> sandboxes();

        /** The status of a container, or empty if it is gone. */
        Optional<Cri.ContainerStatus> status(String containerId);

        /** Starts a stream that calls {@code onEvent} per runtime event; returns empty if the runtime has none. */
        Optional<AutoCloseable> stream(Runnable onEvent);
    }

    private record Seen(String sandboxId, Map<String, String> labels, int stage) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int CREATED = 0;
    private static final int STARTED = 1;
    private static final int EXITED = 2;

    private final Source source;
    private final Duration interval;
    private final Clock clock;
    private final List<RuntimeEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Seen> containers = new HashMap<>();
    private final Map<String, Cri.PodSandbox> sandboxes = new HashMap<>();
    private final Semaphore pokes = new Semaphore(0);
    private Thread loop;
    private AutoCloseable stream;
    private String failure;
    private boolean closed;

    /** A hub reading {@code source} every {@code interval} while it has listeners. */
    public EventHub(Source source, Duration interval, Clock clock) {
        this.source = source;
        this.interval = interval;
        this.clock = clock;
    }

    /** Adds {@code listener}; it gets the events that happen from now on. */
    public Subscription subscribe(RuntimeEventListener listener) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the runtime is closed");
            }
            if (listeners.isEmpty()) {
                baseline();
                loop = Thread.ofVirtual().name("flotilla-cri-events").start(this::run);
            }
            listeners.add(listener);
        }
        return () -> unsubscribe(listener);
    }

    /** Whether anyone listens. */
    public boolean active() {
        return !listeners.isEmpty();
    }

    /** Asks the loop to relist now, after a change made through this runtime. */
    public void poke() {
        if (active()) {
            pokes.release();
        }
    }

    /** Relists at once on the caller's thread (for example just before removing a container). */
    public void relistNow() {
        if (active()) {
            synchronized (this) {
                relist();
            }
        }
    }

    /** Ends every subscription. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            listeners.clear();
            stop();
        }
    }

    private void unsubscribe(RuntimeEventListener listener) {
        synchronized (this) {
            listeners.remove(listener);
            if (listeners.isEmpty()) {
                stop();
            }
        }
    }

    private void stop() {
        if (loop != null) {
            loop.interrupt();
            loop = null;
        }
        closeStream();
        containers.clear();
        sandboxes.clear();
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            } catch (Exception ignored) {
                // the stream is being abandoned anyway
            }
            stream = null;
        }
    }

    private void run() {
        Thread self = Thread.currentThread();
        synchronized (this) {
            if (loop == self) {
                stream = source.stream(this::poke).orElse(null);
            }
        }
        while (!self.isInterrupted()) {
            try {
                if (pokes.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    pokes.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (loop != self) {
                    return;
                }
                relist();
            }
        }
    }

    private void baseline() {
        try {
            source.sandboxes().forEach(s -> sandboxes.put(s.getId(), s));
            for (Cri.Container c : source.containers()) {
                int stage = switch (c.getState()) {
                    case CONTAINER_CREATED -> CREATED;
                    case CONTAINER_RUNNING -> STARTED;
                    default -> EXITED;
                };
                containers.put(c.getId(), new Seen(c.getPodSandboxId(), c.getLabelsMap(), stage));
            }
        } catch (ContainerRuntimeException e) {
            failure = e.getMessage(); // the first successful relist reports a gap
        }
    }

    /** Compares the runtime with what was seen and emits the difference. Called under the lock. */
    private void relist() {
        List<Cri.PodSandbox> nowSandboxes;
        List<Cri.Container> nowContainers;
        try {
            nowSandboxes = source.sandboxes();
            nowContainers = source.containers();
        } catch (ContainerRuntimeException e) {
            failure = e.getMessage();
            return;
        }
        if (failure != null) {
            String reason = "relisting the runtime failed: " + failure;
            failure = null;
            listeners.forEach(l -> safely(() -> l.onGap(reason)));
        }
        relistSandboxes(nowSandboxes);
        relistContainers(nowContainers);
    }

    private void relistSandboxes(List<Cri.PodSandbox> now) {
        Set<String> present = new HashSet<>();
        for (Cri.PodSandbox sandbox : now) {
            present.add(sandbox.getId());
            sandboxChanged(sandboxes.put(sandbox.getId(), sandbox), sandbox);
        }
        for (String gone : Set.copyOf(sandboxes.keySet())) {
            if (!present.contains(gone)) {
                Cri.PodSandbox last = sandboxes.remove(gone);
                emit(new RuntimeEvent(RuntimeEvent.Type.SANDBOX_DELETED, gone, null, clock.instant(), 0,
                        last.getLabelsMap()));
            }
        }
    }

    private void relistContainers(List<Cri.Container> now) {
        Set<String> present = new HashSet<>();
        for (Cri.Container container : now) {
            present.add(container.getId());
            containerChanged(container);
        }
        for (String gone : Set.copyOf(containers.keySet())) {
            if (!present.contains(gone)) {
                Seen last = containers.remove(gone);
                emit(new RuntimeEvent(RuntimeEvent.Type.CONTAINER_DELETED, last.sandboxId(), gone, clock.instant(), 0,
                        last.labels()));
            }
        }
    }

    private void sandboxChanged(Cri.PodSandbox before, Cri.PodSandbox now) {
        boolean ready = now.getState() == Cri.PodSandboxState.SANDBOX_READY;
        if (before == null && ready) {
            emit(sandboxEvent(RuntimeEvent.Type.SANDBOX_READY, now));
        } else if (!ready && (before == null || before.getState() == Cri.PodSandboxState.SANDBOX_READY)) {
            emit(sandboxEvent(RuntimeEvent.Type.SANDBOX_STOPPED, now));
        }
    }

    private RuntimeEvent sandboxEvent(RuntimeEvent.Type type, Cri.PodSandbox sandbox) {
        return new RuntimeEvent(type, sandbox.getId(), null, clock.instant(), 0, sandbox.getLabelsMap());
    }

    private void containerChanged(Cri.Container container) {
        Seen seen = containers.get(container.getId());
        int target = switch (container.getState()) {
            case CONTAINER_CREATED -> CREATED;
            case CONTAINER_RUNNING -> STARTED;
            case CONTAINER_EXITED -> EXITED;
            default -> seen == null ? -1 : seen.stage();
        };
        int from = seen == null ? CREATED : seen.stage() + 1;
        if (target < from) {
            return;
        }
        Optional<Cri.ContainerStatus> status = target == EXITED ? source.status(container.getId()) : Optional.empty();
        for (int stage = from; stage <= target; stage++) {
            emitStep(stage, target, container, status);
        }
        containers.put(container.getId(), new Seen(container.getPodSandboxId(), container.getLabelsMap(), target));
    }

    /** Emits the event(s) of one step; {@code status} is known once the container has exited. */
    private void emitStep(int stage, int target, Cri.Container c, Optional<Cri.ContainerStatus> status) {
        String id = c.getId();
        String sandboxId = c.getPodSandboxId();
        Map<String, String> labels = c.getLabelsMap();
        switch (stage) {
            case CREATED -> emit(new RuntimeEvent(RuntimeEvent.Type.CONTAINER_CREATED, sandboxId, id,
                    time(c.getCreatedAt()), 0, labels));
            case STARTED -> {
                // a container that exited without ever starting (a failed start) has no started step
                if (target == STARTED || status.map(s -> s.getStartedAt() != 0).orElse(true)) {
                    emit(new RuntimeEvent(RuntimeEvent.Type.CONTAINER_STARTED, sandboxId, id,
                            time(status.map(Cri.ContainerStatus::getStartedAt).orElse(0L)), 0, labels));
                }
            }
            default -> {
                Instant finished = time(status.map(Cri.ContainerStatus::getFinishedAt).orElse(0L));
                if (status.map(s -> "OOMKilled".equals(s.getReason())).orElse(false)) {
                    emit(new RuntimeEvent(RuntimeEvent.Type.CONTAINER_OOM, sandboxId, id, finished, 0, labels));
                }
                emit(new RuntimeEvent(RuntimeEvent.Type.CONTAINER_EXITED, sandboxId, id, finished,
                        status.map(Cri.ContainerStatus::getExitCode).orElse(0), labels));
            }
        }
    }

    private Instant time(long nanos) {
        Instant instant = CriMapping.instant(nanos);
        return instant == null ? clock.instant() : instant;
    }

    private void emit(RuntimeEvent event) {
        listeners.forEach(l -> safely(() -> l.onEvent(event)));
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // a failing listener must not stop the others or the loop
            LOG.warn("a runtime event listener failed", e);
        }
    }
}

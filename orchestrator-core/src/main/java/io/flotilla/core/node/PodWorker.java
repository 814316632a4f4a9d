package io.flotilla.core.node;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.VolumeFile;
import io.flotilla.core.time.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: kubelet's pod worker, level-triggered. kick() marks the pod dirty and, unless a sync is already
 * running, starts one virtual thread that syncs until the pod is clean; so a pod costs no thread while idle, its
 * syncs never overlap, and any number of kicks while a sync runs collapse into one more sync. The mutable sync
 * state below is touched only by that one running sync (a happens-before edge through the AtomicBooleans), except
 * the fields marked as shared, which probes and the runtime watcher write from other threads.
 */

/** The serial worker and the sync state of one pod on one node. */
final class PodWorker {
    private static final Logger LOG = LoggerFactory.getLogger(PodWorker.class);

    /** Why a container is waiting, as its status shows it. */
    record Waiting(String reason, String message) {
    }

    final String uid;
    private final AgentContext context;
    private final Consumer<PodWorker> sync;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Set<Cancellable> timers = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    // shared: written by the informer routing, probes and the runtime watcher
    volatile Pod pod;
    /** The status this worker last wrote (set before the write), to tell the echo of its own write. */
    volatile PodStatus writtenStatus;
    volatile boolean removed;
    final Map<String, String> killRequests = new ConcurrentHashMap<>();
    final ProbeSet probes;

    // sync state, owned by the running sync
    String sandboxId;
    PodSandboxConfig sandboxConfig;
    int sandboxAttempt;
    String podIP;
    /** The sandbox was begun by the running sync and may still be starting (see PodSyncer#finishSandbox). */
    boolean sandboxStarting;
    Instant startTime;
    boolean finished;
    boolean terminated;
    final Map<String, Waiting> waiting = new HashMap<>();
    final Map<String, Instant> startFailures = new HashMap<>();
    final Map<String, Map<String, VolumeFile>> written = new HashMap<>();
    Map<String, Mount> volumeSources = Map.of();

    PodWorker(Pod pod, AgentContext context, Consumer<PodWorker> sync) {
        this.uid = pod.metadata().uid();
        this.pod = pod;
        this.context = context;
        this.sync = sync;
        this.probes = new ProbeSet(context, this);
    }

    /** The pod's {@code namespace/name}. */
    String key() {
        Pod p = pod;
        return p.metadata().namespace() + "/" + p.metadata().name();
    }

    /**
     * Whether {@code now} is {@code before} with only the status this worker wrote: the echo of its own write, which
     * gives the worker nothing new to sync.
     */
    boolean isEcho(Pod before, Pod now) {
        PodStatus written = writtenStatus;
        return written != null && written.equals(now.status()) && Objects.equals(before.spec(), now.spec())
                && Objects.equals(before.metadata().labels(), now.metadata().labels())
                && Objects.equals(before.metadata().annotations(), now.metadata().annotations())
                && Objects.equals(before.metadata().deletionTimestamp(), now.metadata().deletionTimestamp());
    }

    /** Asks for a sync; returns at once. */
    void kick() {
        if (stopped) {
            return;
        }
        dirty.set(true);
        if (running.compareAndSet(false, true)) {
            Thread.ofVirtual().name("flotilla-pod-" + uid).start(this::loop);
        }
    }

    /** Asks for a sync {@code delay} from now, on the agent's clock. */
    void kickAfter(Duration delay) {
        if (stopped) {
            return;
        }
        Cancellable[] handle = new Cancellable[1];
        handle[0] = context.clock().schedule(delay, () -> {
            timers.remove(handle[0]);
            kick();
        });
        timers.add(handle[0]);
    }

    /** Stops syncing (no clean-up in the runtime); timers and probes are cancelled. */
    void stop() {
        stopped = true;
        timers.forEach(Cancellable::cancel);
        timers.clear();
        probes.stopAll();
    }

    /** Whether a sync is running or pending; for an orderly shutdown. */
    boolean busy() {
        return running.get();
    }

    boolean stopped() {
        return stopped;
    }

    /** The last status this pod has in the store (or was written by this agent), never {@code null}. */
    PodStatus currentStatus() {
        PodStatus status = pod.status();
        return status == null ? PodStatus.of(PodStatus.PENDING) : status;
    }

    private void loop() {
        while (true) {
            while (!stopped && dirty.getAndSet(false)) {
                try {
                    sync.accept(this);
                } catch (RuntimeException | Error e) {
                    LOG.warn("sync of pod {} on node {} failed; retrying in 10s", key(), context.nodeName(), e);
                    kickAfter(Backoff.INITIAL);
                }
            }
            running.set(false);
            if (stopped || !dirty.get() || !running.compareAndSet(false, true)) {
                return;
            }
        }
    }
}

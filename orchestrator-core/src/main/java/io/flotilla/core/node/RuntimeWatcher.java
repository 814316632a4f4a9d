package io.flotilla.core.node;

import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeEventListener;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.SandboxState;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.core.time.Cancellable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: kubelet's PLEG, event-driven first. Runtime events (a container exited, was OOM-killed, a sandbox
 * stopped) kick the pod named by the event's labels at once; a periodic relist compares each pod's sandboxes and
 * containers (id and state) with the previous relist and kicks a pod when one of them is gone or stopped, or is new
 * and already ended, which catches events lost to a gap. Objects appearing, starting or becoming ready are the
 * agent's own doing, which its sync already read (a relist every second used to re-sync every starting pod two or
 * three more times); a pod the agent does not know is reported on any change, as a leftover to remove. The relist
 * runs on the clock, so a virtual clock drives it exactly.
 */

/** Watches one node's runtime and tells the agent which pods changed. Thread-safe. */
final class RuntimeWatcher implements RuntimeEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeWatcher.class);

    private final AgentContext ctx;
    private final BiConsumer<String, Boolean> changed;
    private final Predicate<String> known;
    /** Per pod uid, the state of each of its sandboxes and containers at the last relist. */
    private Map<String, Map<String, String>> states = new HashMap<>();
    /** Relists failed in a row; only the first of a run is logged in full (a runtime that is down fails every second). */
    private int failuresInARow;
    private Subscription subscription;
    private Cancellable relist;

    /**
     * @param changed called with a pod uid and whether it came from a relist (which may name pods the agent does
     *                not know: leftovers to remove)
     * @param known   whether the agent has a worker for a pod uid
     */
    RuntimeWatcher(AgentContext ctx, BiConsumer<String, Boolean> changed, Predicate<String> known) {
        this.ctx = ctx;
        this.changed = changed;
        this.known = known;
    }

    synchronized void start() {
        subscription = ctx.runtime().subscribe(this);
        relist = ctx.clock().scheduleWithFixedDelay(ctx.config().relistPeriod(), ctx.config().relistPeriod(),
                this::relist);
    }

    synchronized void stop() {
        if (subscription != null) {
            subscription.close();
        }
        if (relist != null) {
            relist.cancel();
        }
    }

    @Override
    public void onEvent(RuntimeEvent event) {
        String uid = event.labels().get(RuntimeLabels.POD_UID);
        if (uid != null && !causedByAgent(event.type())
                && ctx.clusterId().equals(event.labels().get(RuntimeLabels.CLUSTER))) {
            changed.accept(uid, false);
        }
    }

    /**
     * Whether events of this type can only echo the agent's own calls: only the agent creates and starts the
     * cluster's sandboxes and containers, and the sync that made the call already reads the result. Waking the pod
     * for them cost each new pod about three more syncs (and runtime inspections) while other pods were starting;
     * anything else that created or started something is still seen by the next relist.
     */
    private static boolean causedByAgent(RuntimeEvent.Type type) {
        return type == RuntimeEvent.Type.SANDBOX_READY || type == RuntimeEvent.Type.CONTAINER_CREATED
                || type == RuntimeEvent.Type.CONTAINER_STARTED;
    }

    @Override
    public void onGap(String reason) {
        relist();
    }

    /** Lists the runtime and reports the pods whose sandboxes or containers changed as the design notes say. */
    void relist() {
        try {
            Map<String, Map<String, String>> now = new HashMap<>();
            for (PodSandbox s : ctx.runtime().listPodSandboxes(PodSandboxFilter.labels(ctx.nodeSelector()))) {
                statesOf(now, s.labels()).put(s.id(), s.state().name());
            }
            for (RuntimeContainer c : ctx.runtime().listContainers(ContainerFilter.labels(ctx.nodeSelector()))) {
                statesOf(now, c.labels()).put(c.id(), c.state().name());
            }
            Map<String, Map<String, String>> previous;
            synchronized (this) {
                previous = states;
                states = now;
            }
            now.forEach((uid, objects) -> {
                Map<String, String> before = previous.getOrDefault(uid, Map.of());
                if (known.test(uid) ? changedBehindTheAgent(before, objects) : !objects.equals(before)) {
                    changed.accept(uid, true);
                }
            });
            previous.keySet().stream().filter(uid -> !now.containsKey(uid) && known.test(uid))
                    .forEach(uid -> changed.accept(uid, true));
            recovered();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /**
     * Whether a pod's objects changed in a way its agent did not cause: one it had is gone or has stopped, or a new
     * one has already ended. (A new sandbox that is not ready yet is one still starting.)
     */
    static boolean changedBehindTheAgent(Map<String, String> before, Map<String, String> now) {
        for (Map.Entry<String, String> e : before.entrySet()) {
            String state = now.get(e.getKey());
            if (state == null || !state.equals(e.getValue()) && stopped(state)) {
                return true;
            }
        }
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!before.containsKey(e.getKey()) && ended(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean stopped(String state) {
        return ended(state) || state.equals(SandboxState.NOTREADY.name());
    }

    private static boolean ended(String state) {
        return state.equals(ContainerRunState.EXITED.name()) || state.equals(ContainerRunState.UNKNOWN.name());
    }

    private synchronized void failed(RuntimeException e) {
        if (failuresInARow++ == 0) {
            LOG.warn("relist of node {} failed (further failures in a row are logged at debug level)",
                    ctx.nodeName(), e);
        } else {
            LOG.debug("relist of node {} failed again ({} in a row): {}", ctx.nodeName(), failuresInARow,
                    e.toString());
        }
    }

    private synchronized void recovered() {
        if (failuresInARow > 0) {
            LOG.info("relist of node {} works again after {} failed attempts", ctx.nodeName(), failuresInARow);
            failuresInARow = 0;
        }
    }

    private static Map<String, String> statesOf(Map<String, Map<String, String>> all, Map<String, String> labels) {
        return all.computeIfAbsent(labels.getOrDefault(RuntimeLabels.POD_UID, ""), k -> new HashMap<>());
    }
}

package io.flotilla.core.node;

import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeEventListener;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.core.time.Cancellable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: kubelet's PLEG, event-driven first. Runtime events (a container exited, was OOM-killed, a sandbox
 * stopped) kick the pod named by the event's labels at once; a periodic relist compares a small fingerprint of
 * each pod's sandboxes and containers with the previous one and kicks the pods whose fingerprint changed, which
 * catches events lost to a gap. The relist runs on the clock, so a virtual clock drives it exactly.
 */

/** Watches one node's runtime and tells the agent which pods changed. Thread-safe. */
final class RuntimeWatcher implements RuntimeEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeWatcher.class);

    private final AgentContext ctx;
    private final BiConsumer<String, Boolean> changed;
    private Map<String, String> fingerprints = new HashMap<>();
    /** Relists failed in a row; only the first of a run is logged in full (a runtime that is down fails every second). */
    private int failuresInARow;
    private Subscription subscription;
    private Cancellable relist;

    /**
     * @param changed called with a pod uid and whether it came from a relist (which may name pods the agent does
     *                not know: leftovers to remove)
     */
    RuntimeWatcher(AgentContext ctx, BiConsumer<String, Boolean> changed) {
        this.ctx = ctx;
        this.changed = changed;
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

    /** Lists the runtime and reports every pod whose sandboxes or containers changed since the last relist. */
    void relist() {
        try {
            Map<String, StringBuilder> now = new HashMap<>();
            for (PodSandbox s : ctx.runtime().listPodSandboxes(PodSandboxFilter.labels(ctx.nodeSelector()))) {
                fingerprint(now, s.labels()).append(s.id()).append(s.state()).append(';');
            }
            for (RuntimeContainer c : ctx.runtime().listContainers(ContainerFilter.labels(ctx.nodeSelector()))) {
                fingerprint(now, c.labels()).append(c.id()).append(c.state()).append(';');
            }
            Map<String, String> next = new HashMap<>();
            now.forEach((uid, sb) -> next.put(uid, sb.toString()));
            Map<String, String> previous;
            synchronized (this) {
                previous = fingerprints;
                fingerprints = next;
            }
            next.forEach((uid, print) -> {
                if (!print.equals(previous.get(uid))) {
                    changed.accept(uid, true);
                }
            });
            recovered();
        } catch (RuntimeException e) {
            failed(e);
        }
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

    private static StringBuilder fingerprint(Map<String, StringBuilder> all, Map<String, String> labels) {
        return all.computeIfAbsent(labels.getOrDefault(RuntimeLabels.POD_UID, ""), k -> new StringBuilder());
    }
}

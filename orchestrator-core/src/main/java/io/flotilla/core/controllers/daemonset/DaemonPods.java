package io.flotilla.core.controllers.daemonset;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.core.Affinity;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeAffinity;
import io.flotilla.api.core.NodeSelector;
import io.flotilla.api.core.NodeSelectorRequirement;
import io.flotilla.api.core.NodeSelectorTerm;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.core.Taint;
import io.flotilla.api.core.Toleration;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a DaemonSet's pods belong and how they are made: node eligibility ({@code nodeShouldRunDaemonPod}), the
 * automatic tolerations, and the node-name affinity that pins a pod to its node. Stateless and thread-safe.
 */
final class DaemonPods {
    /** The node field a pinning affinity matches. */
    static final String NAME_FIELD = "metadata.name";

    private static final List<Toleration> AUTOMATIC = List.of(
            new Toleration(Taint.NOT_READY, Toleration.EXISTS, null, Toleration.NO_EXECUTE, null),
            new Toleration(Taint.UNREACHABLE, Toleration.EXISTS, null, Toleration.NO_EXECUTE, null),
            new Toleration("node.kubernetes.io/disk-pressure", Toleration.EXISTS, null, Toleration.NO_SCHEDULE, null),
            new Toleration("node.kubernetes.io/memory-pressure", Toleration.EXISTS, null, Toleration.NO_SCHEDULE,
                    null),
            new Toleration("node.kubernetes.io/pid-pressure", Toleration.EXISTS, null, Toleration.NO_SCHEDULE, null),
            new Toleration(Taint.UNSCHEDULABLE, Toleration.EXISTS, null, Toleration.NO_SCHEDULE, null));
    private static final Toleration NETWORK_UNAVAILABLE = new Toleration("node.kubernetes.io/network-unavailable",
            Toleration.EXISTS, null, Toleration.NO_SCHEDULE, null);

    private DaemonPods() {
    }

    /** Whether a new daemon pod should run on the node, and whether an existing one may keep running. */
    record Placement(boolean shouldRun, boolean shouldContinueRunning) {
    }

    /**
     * Kubernetes' {@code NodeShouldRunDaemonPod}: the node must match the template's node selector and required
     * node affinity; an untolerated {@code NoSchedule} taint keeps new pods off, an untolerated {@code NoExecute}
     * taint also evicts running ones. A node being deleted runs nothing.
     */
    static Placement placement(DaemonSet ds, Node node) {
        if (node.metadata().isDeleting()) {
            return new Placement(false, false);
        }
        PodSpec spec = withTolerations(ds.spec().template().spec());
        Map<String, String> labels = node.metadata().labels();
        for (Map.Entry<String, String> e : spec.nodeSelector().entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return new Placement(false, false);
            }
        }
        NodeSelector required = spec.affinity() == null || spec.affinity().nodeAffinity() == null ? null
                : spec.affinity().nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution();
        if (required != null && !required.matches(node.metadata().name(), labels)) {
            return new Placement(false, false);
        }
        boolean run = true;
        for (Taint taint : node.spec().taints()) {
            boolean tolerated = spec.tolerations().stream().anyMatch(taint::isToleratedBy);
            if (tolerated || Taint.PREFER_NO_SCHEDULE.equals(taint.effect())) {
                continue;
            }
            if (Taint.NO_EXECUTE.equals(taint.effect())) {
                return new Placement(false, false);
            }
            run = false;
        }
        return new Placement(run, true);
    }

    /** The template's pod spec plus Kubernetes' automatic daemon tolerations. */
    static PodSpec withTolerations(PodSpec spec) {
        List<Toleration> add = new ArrayList<>(AUTOMATIC);
        if (Boolean.TRUE.equals(spec.hostNetwork())) {
            add.add(NETWORK_UNAVAILABLE);
        }
        PodSpec.Builder out = spec.toBuilder();
        for (Toleration t : add) {
            if (!spec.tolerations().contains(t)) {
                out.toleration(t);
            }
        }
        return out.build();
    }

    /** The node a daemon pod is meant for: its {@code nodeName}, else its pinning affinity's node. */
    static String targetNode(Pod pod) {
        if (pod.nodeName() != null) {
            return pod.nodeName();
        }
        PodSpec spec = pod.spec();
        if (spec == null || spec.affinity() == null || spec.affinity().nodeAffinity() == null
                || spec.affinity().nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution() == null) {
            return null;
        }
        for (NodeSelectorTerm term : spec.affinity().nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution()
                .nodeSelectorTerms()) {
            for (NodeSelectorRequirement r : term.matchFields()) {
                if (NAME_FIELD.equals(r.key()) && NodeSelectorRequirement.IN.equals(r.operator())
                        && r.values().size() == 1) {
                    return r.values().get(0);
                }
            }
        }
        return null;
    }

    /**
     * The daemon pod for {@code node}: the template with the automatic tolerations, its required node affinity
     * replaced by one term pinning {@code metadata.name} to the node (the controller already checked the original
     * terms), and the revision hash label.
     */
    static Pod newPod(DaemonSet ds, String node, String hash) {
        PodTemplateSpec template = ds.spec().template();
        ObjectMeta tm = template.metadata();
        Map<String, String> labels = new LinkedHashMap<>(tm.labels());
        labels.put(DaemonSetController.REVISION_LABEL, hash);
        ObjectMeta meta = ObjectMeta.builder().generateName(ds.metadata().name() + "-")
                .namespace(ds.metadata().namespace()).labels(labels).annotations(tm.annotations())
                .ownerReference(OwnerReference.controlledBy(ds)).build();
        PodSpec spec = withTolerations(template.spec());
        Affinity affinity = spec.affinity();
        NodeSelectorTerm pin = new NodeSelectorTerm(List.of(),
                List.of(new NodeSelectorRequirement(NAME_FIELD, NodeSelectorRequirement.IN, List.of(node))));
        NodeAffinity nodeAffinity = new NodeAffinity(NodeSelector.of(pin),
                affinity == null || affinity.nodeAffinity() == null ? List.of()
                        : affinity.nodeAffinity().preferredDuringSchedulingIgnoredDuringExecution());
        Affinity pinned = new Affinity(nodeAffinity, affinity == null ? null : affinity.podAffinity(),
                affinity == null ? null : affinity.podAntiAffinity());
        return new Pod(meta, spec.toBuilder().affinity(pinned).build(), null);
    }
}

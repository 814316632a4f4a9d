package io.flotilla.core.scheduler.plugins.volumebinding;

import io.flotilla.api.core.NodeSelector;
import io.flotilla.api.core.PersistentVolume;
import io.flotilla.api.core.PersistentVolumeAccessMode;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Volume;
import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.EnqueueExtensions;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.ObjectLookup;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreFilterPlugin;
import io.flotilla.api.scheduler.PreFilterResult;
import io.flotilla.api.scheduler.SchedulerHandle;
import io.flotilla.api.scheduler.Status;
import io.flotilla.api.storage.StorageClass;
import io.flotilla.core.scheduler.plugins.nodeaffinity.RequiredNodeAffinity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PersistentVolumeClaim checks, like the basic rules of Kubernetes' {@code VolumeBinding} and
 * {@code VolumeRestrictions}.
 *
 * <p>PreFilter (fails the whole cycle, preemption cannot help): {@code persistentvolumeclaim "x" not found},
 * {@code persistentvolumeclaim "x" is being deleted}, {@code pod has unbound immediate PersistentVolumeClaims} (an
 * unbound claim whose class binds immediately, or that has no class), and a claim bound to a volume that does not
 * exist. Unbound claims of a {@code WaitForFirstConsumer} class are fine on every node. Filter: a node outside a
 * bound volume's node affinity is rejected with {@code node(s) had volume node affinity conflict}; a node other
 * than the one where a {@code ReadWriteOnce} claim is in use, or any node while a {@code ReadWriteOncePod} claim is
 * in use, is rejected as unschedulable (evicting the user could help). Thread-safe; Filter does not allocate.
 */
public final class VolumeBinding implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {

    /** The plugin name. */
    public static final String NAME = "VolumeBinding";
    /** Kubernetes' reason for a node outside a bound volume's node affinity. */
    public static final String ERR_REASON_NODE_CONFLICT = "node(s) had volume node affinity conflict";
    /** Kubernetes' reason for an unbound claim that binds immediately. */
    public static final String ERR_REASON_UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";
    /** Kubernetes' reason for a claim bound to a missing volume. */
    public static final String ERR_REASON_PV_NOT_EXIST =
            "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";
    /** Kubernetes' reason for a ReadWriteOncePod claim already in use. */
    public static final String ERR_REASON_RWOP_CONFLICT =
            "node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by"
                    + " another pod";
    /** The reason for a ReadWriteOnce claim in use on another node (Kubernetes leaves this to attach/detach). */
    public static final String ERR_REASON_RWO_CONFLICT =
            "node(s) unavailable due to PersistentVolumeClaim with ReadWriteOnce access mode already in-use on"
                    + " another node";

    private static final Status NODE_CONFLICT = Status.unresolvable(ERR_REASON_NODE_CONFLICT);
    private static final Status RWOP_CONFLICT = Status.unschedulable(ERR_REASON_RWOP_CONFLICT);
    private static final Status RWO_CONFLICT = Status.unschedulable(ERR_REASON_RWO_CONFLICT);
    private static final CycleState.Key<ClaimState> CLAIMS = CycleState.Key.of(NAME + "/claims");

    private final SchedulerHandle handle;

    /**
     * Creates the plugin.
     *
     * @param handle the profile's handle, for claims, volumes and classes; not null
     */
    public VolumeBinding(SchedulerHandle handle) {
        this.handle = handle;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        List<Volume> volumes = pod.pod().spec() == null ? List.of() : pod.pod().spec().volumes();
        String ns = PodInfo.namespaceOf(pod.pod());
        ObjectLookup objects = handle.objects();
        List<NodeSelector> affinities = new ArrayList<>();
        List<String> rwo = new ArrayList<>();
        List<String> rwop = new ArrayList<>();
        for (Volume v : volumes) {
            if (v.persistentVolumeClaim() == null) {
                continue;
            }
            String name = v.persistentVolumeClaim().claimName();
            Optional<PersistentVolumeClaim> found = objects.get(PersistentVolumeClaim.TYPE, ns, name);
            if (found.isEmpty()) {
                return PreFilterResult.of(Status.unresolvable("persistentvolumeclaim \"" + name + "\" not found"));
            }
            PersistentVolumeClaim claim = found.get();
            if (claim.metadata().isDeleting()) {
                return PreFilterResult.of(Status.unresolvable("persistentvolumeclaim \"" + name
                        + "\" is being deleted"));
            }
            Status bound = checkBinding(claim, objects, affinities);
            if (!bound.isSuccess()) {
                return PreFilterResult.of(bound);
            }
            List<String> modes = claim.spec().accessModes();
            if (modes.contains(PersistentVolumeAccessMode.READ_WRITE_ONCE_POD)) {
                rwop.add(name);
            } else if (modes.contains(PersistentVolumeAccessMode.READ_WRITE_ONCE) && !rwo.contains(name)) {
                rwo.add(name);
            }
        }
        if (affinities.isEmpty() && rwo.isEmpty() && rwop.isEmpty()) {
            return PreFilterResult.skip();
        }
        List<Map<String, Integer>> users = new ArrayList<>();
        rwo.forEach(c -> users.add(new HashMap<>()));
        ClaimState s = new ClaimState(ns, List.copyOf(affinities), List.copyOf(rwo), users, List.copyOf(rwop),
                new int[rwop.size()]);
        if (s.tracksUsers()) {
            for (NodeInfo n : nodes) {
                for (PodInfo other : n.pods()) {
                    if (!other.id().equals(pod.id())) {
                        s.update(other, n.name(), 1);
                    }
                }
            }
        }
        state.write(CLAIMS, s);
        return PreFilterResult.success();
    }

    /** Checks one claim's binding; adds the bound volume's node affinity, if any. */
    private static Status checkBinding(PersistentVolumeClaim claim, ObjectLookup objects,
                                       List<NodeSelector> affinities) {
        String volumeName = claim.spec().volumeName();
        if (volumeName != null && !volumeName.isEmpty()) {
            Optional<PersistentVolume> pv = objects.get(PersistentVolume.TYPE, null, volumeName);
            if (pv.isEmpty()) {
                return Status.unresolvable(ERR_REASON_PV_NOT_EXIST);
            }
            var nodeAffinity = pv.get().spec().nodeAffinity();
            if (nodeAffinity != null && nodeAffinity.required() != null) {
                affinities.add(nodeAffinity.required());
            }
            return Status.success();
        }
        return waitsForFirstConsumer(claim, objects) ? Status.success()
                : Status.unresolvable(ERR_REASON_UNBOUND_IMMEDIATE);
    }

    private static boolean waitsForFirstConsumer(PersistentVolumeClaim claim, ObjectLookup objects) {
        String className = claim.spec().storageClassName();
        Optional<StorageClass> sc = className == null
                ? objects.list(StorageClass.TYPE, null).stream().filter(StorageClass::isDefaultClass).findFirst()
                : className.isEmpty() ? Optional.empty() : objects.get(StorageClass.TYPE, null, className);
        return sc.map(c -> StorageClass.WAIT_FOR_FIRST_CONSUMER.equals(c.volumeBindingMode())).orElse(false);
    }

    @Override
    public Status addPod(CycleState state, PodInfo pod, PodInfo added, NodeInfo node) {
        ClaimState s = state.read(CLAIMS);
        if (s != null && s.tracksUsers()) {
            s.update(added, node.name(), 1);
        }
        return Status.success();
    }

    @Override
    public Status removePod(CycleState state, PodInfo pod, PodInfo removed, NodeInfo node) {
        ClaimState s = state.read(CLAIMS);
        if (s != null && s.tracksUsers()) {
            s.update(removed, node.name(), -1);
        }
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        ClaimState s = state.read(CLAIMS);
        if (s == null) {
            return Status.success();
        }
        for (int i = 0, n = s.volumeAffinities.size(); i < n; i++) {
            if (!RequiredNodeAffinity.matches(s.volumeAffinities.get(i), node.node())) {
                return NODE_CONFLICT;
            }
        }
        for (int users : s.rwopUsers) {
            if (users > 0) {
                return RWOP_CONFLICT;
            }
        }
        for (int i = 0, n = s.rwoUsers.size(); i < n; i++) {
            Map<String, Integer> users = s.rwoUsers.get(i);
            if (!users.isEmpty() && (users.size() > 1 || !users.containsKey(node.name()))) {
                return RWO_CONFLICT;
            }
        }
        return Status.success();
    }

    /** Claims, volumes and classes appearing or changing, new or relabelled nodes, and deleted users can help. */
    @Override
    public List<ClusterEventWithHint> eventsToRegister() {
        return List.of(
                ClusterEventWithHint.of(ClusterEvent.of(EventResource.PERSISTENT_VOLUME_CLAIM, ActionType.ADD,
                        ActionType.UPDATE)),
                ClusterEventWithHint.of(ClusterEvent.of(EventResource.PERSISTENT_VOLUME, ActionType.ADD,
                        ActionType.UPDATE)),
                ClusterEventWithHint.of(ClusterEvent.of(EventResource.STORAGE_CLASS, ActionType.ADD,
                        ActionType.UPDATE)),
                ClusterEventWithHint.of(ClusterEvent.of(EventResource.NODE, ActionType.ADD,
                        ActionType.UPDATE_NODE_LABEL)),
                ClusterEventWithHint.of(ClusterEvent.of(EventResource.POD, ActionType.DELETE)));
    }
}

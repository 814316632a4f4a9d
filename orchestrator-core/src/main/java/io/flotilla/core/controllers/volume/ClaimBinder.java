package io.flotilla.core.controllers.volume;

import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.HostPathVolumeSource;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeSelector;
import io.flotilla.api.core.NodeSelectorRequirement;
import io.flotilla.api.core.NodeSelectorTerm;
import io.flotilla.api.core.ObjectReference;
import io.flotilla.api.core.PersistentVolume;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.PersistentVolumeClaimSpec;
import io.flotilla.api.core.PersistentVolumeClaimStatus;
import io.flotilla.api.core.PersistentVolumeSpec;
import io.flotilla.api.core.PersistentVolumeStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.VolumeNodeAffinity;
import io.flotilla.api.core.VolumeResourceRequirements;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.storage.StorageClass;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.ResourceClient;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/*
 * Design notes: Kubernetes' syncUnboundClaim/syncBoundClaim for one claim key. Binding writes the volume first
 * (claimRef), then the claim (volumeName), then both statuses, so that a crash in between leaves a volume reserved
 * for the claim, which the next pass finds as pre-bound and completes. The scheduler leaves WaitForFirstConsumer
 * claims unbound; once a pod using the claim is bound to a node, the binder records that node in the claim's
 * selected-node annotation (Kubernetes' scheduler does this itself) and binds or provisions for it.
 */

/** Binds one PersistentVolumeClaim. Thread-safe: stateless besides the caches and the client. */
final class ClaimBinder implements Reconciler {
    private final Client client;
    private final Lister<PersistentVolumeClaim> claims;
    private final Lister<PersistentVolume> volumes;
    private final Lister<StorageClass> classes;
    private final Lister<Pod> pods;
    private final Lister<Node> nodes;
    private final Clock clock;
    private final EventRecorder recorder;

    ClaimBinder(Client client, Lister<PersistentVolumeClaim> claims, Lister<PersistentVolume> volumes,
                Lister<StorageClass> classes, Lister<Pod> pods, Lister<Node> nodes, Clock clock,
                EventRecorder recorder) {
        this.client = Objects.requireNonNull(client, "client");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.volumes = Objects.requireNonNull(volumes, "volumes");
        this.classes = Objects.requireNonNull(classes, "classes");
        this.pods = Objects.requireNonNull(pods, "pods");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    public Result reconcile(Request request) {
        PersistentVolumeClaim claim = claims.get(request.namespace(), request.name()).orElse(null);
        if (claim == null || claim.metadata().isDeleting()) {
            return Result.done();
        }
        String volumeName = claim.spec().volumeName();
        if (volumeName != null && !volumeName.isEmpty()) {
            syncBound(claim, volumeName);
            return Result.done();
        }
        Optional<PersistentVolume> preBound = VolumeMatcher.preBound(claim, volumes.list());
        if (preBound.isPresent()) {
            bind(preBound.get(), claim);
            return Result.done();
        }
        bindUnbound(claim);
        return Result.done();
    }

    /** Binds a claim without volume to the best fit, or to a volume provisioned for it, or leaves it Pending. */
    private void bindUnbound(PersistentVolumeClaim claim) {
        String className = VolumeMatcher.className(claim, classes.list());
        StorageClass sc = className.isEmpty() ? null : classes.get(className).orElse(null);
        Node selected = null;
        if (sc != null && StorageClass.WAIT_FOR_FIRST_CONSUMER.equals(sc.volumeBindingMode())) {
            String node = selectedNode(claim);
            if (node == null) {
                pending(claim);
                recorder.normal(claim, "WaitForFirstConsumer",
                        "waiting for first consumer to be created before binding");
                return;
            }
            selected = nodes.get(node).orElse(new Node(ObjectMeta.named(node), null, null));
        }
        Optional<PersistentVolume> fit = VolumeMatcher.bestFit(claim, className, volumes.list(), selected);
        if (fit.isPresent()) {
            bind(fit.get(), claim);
        } else if (sc != null && VolumeController.PROVISIONER.equals(sc.provisioner())) {
            bind(provision(claim, sc, selected), claim);
        } else {
            pending(claim);
            if (sc == null) {
                recorder.normal(claim, "FailedBinding",
                        "no persistent volumes available for this claim and no storage class is set");
            } else {
                recorder.normal(claim, "ExternalProvisioning", "Waiting for a volume to be created either by the"
                        + " external provisioner '%s' or manually by the system administrator", sc.provisioner());
            }
        }
    }

    /** The node of the claim's first consumer: its annotation, else a scheduled pod using it (then recorded). */
    private String selectedNode(PersistentVolumeClaim claim) {
        String annotated = claim.metadata().annotations().get(VolumeController.SELECTED_NODE);
        if (annotated != null) {
            return annotated;
        }
        String node = pods.list(claim.metadata().namespace()).stream()
                .filter(p -> p.nodeName() != null && !p.isTerminal() && p.spec().volumes().stream()
                        .anyMatch(v -> v.persistentVolumeClaim() != null
                                && claim.metadata().name().equals(v.persistentVolumeClaim().claimName())))
                .map(Pod::nodeName).findFirst().orElse(null);
        if (node != null) {
            claimClient(claim).update(claim.metadata().name(), c -> c.withMetadata(
                    c.metadata().withAnnotation(VolumeController.SELECTED_NODE, node)));
        }
        return node;
    }

    /** A claim with {@code volumeName}: completes the binding, or marks the claim Lost if its volume is gone. */
    private void syncBound(PersistentVolumeClaim claim, String volumeName) {
        PersistentVolume pv = volumes.get(volumeName)
                .or(() -> client.resources(PersistentVolume.TYPE).get(volumeName)).orElse(null);
        if (pv == null) {
            setClaimStatus(claim, new PersistentVolumeClaimStatus(PersistentVolumeClaimStatus.LOST, null, null));
            recorder.warning(claim, "ClaimLost", "Bound claim has lost reference to PersistentVolume. Data on the"
                    + " volume is lost!");
        } else if (pv.spec().claimRef() == null || VolumeMatcher.refersTo(pv, claim)) {
            bind(pv, claim);
        } else {
            setClaimStatus(claim, new PersistentVolumeClaimStatus(PersistentVolumeClaimStatus.LOST, null, null));
            recorder.warning(claim, "ClaimMisbound", "Two claims are bound to the same volume, this one is bound"
                    + " incorrectly");
        }
    }

    /** Binds volume and claim (each write skipped when already done). */
    private void bind(PersistentVolume pv, PersistentVolumeClaim claim) {
        ObjectReference ref = new ObjectReference(claim.kind(), claim.metadata().namespace(),
                claim.metadata().name(), claim.metadata().uid(), claim.apiVersion(), null, null);
        String pvName = pv.metadata().name();
        ResourceClient<PersistentVolume> pvs = client.resources(PersistentVolume.TYPE);
        if (!ref.equals(pv.spec().claimRef())) {
            pv = pvs.update(pvName, v -> v.withMetadata(v.metadata()
                    .withAnnotation(VolumeController.BOUND_BY_CONTROLLER, "yes")).withClaimRef(ref));
        }
        if (pv.status() == null || !PersistentVolumeStatus.BOUND.equals(pv.status().phase())) {
            pv = pvs.updateStatus(pvName, v -> v.withStatus(new PersistentVolumeStatus(PersistentVolumeStatus.BOUND,
                    null, null, clock.now())));
        }
        if (!pvName.equals(claim.spec().volumeName())) {
            claim = claimClient(claim).update(claim.metadata().name(), c -> {
                PersistentVolumeClaimSpec s = c.spec();
                ObjectMeta m = c.metadata().withAnnotation(VolumeController.BIND_COMPLETED, "yes")
                        .withAnnotation(VolumeController.BOUND_BY_CONTROLLER, "yes");
                return new PersistentVolumeClaim(m, new PersistentVolumeClaimSpec(s.accessModes(), s.selector(),
                        s.resources(), pvName, s.storageClassName(), s.volumeMode()), c.status());
            });
        }
        setClaimStatus(claim, new PersistentVolumeClaimStatus(PersistentVolumeClaimStatus.BOUND,
                pv.spec().accessModes(), pv.spec().capacity()));
    }

    /**
     * Creates the volume for a claim of a class with Flotilla's provisioner: named {@code pvc-<claim uid>} as
     * Kubernetes' provisioned volumes, with the claim's size and modes, the class's reclaim policy (default
     * {@code Delete}), pre-bound to the claim and, when a node was selected, pinned to it (runtime volumes live on
     * one node). The node agent backs it with a runtime volume named after it; the {@code hostPath} is a
     * placeholder the API's validation requires.
     */
    private PersistentVolume provision(PersistentVolumeClaim claim, StorageClass sc, Node node) {
        String name = "pvc-" + claim.metadata().uid();
        claimClient(claim).update(claim.metadata().name(), c -> c.withMetadata(
                c.metadata().withAnnotation(VolumeController.STORAGE_PROVISIONER, sc.provisioner())));
        VolumeNodeAffinity affinity = node == null ? null : VolumeNodeAffinity.of(NodeSelector.of(
                new NodeSelectorTerm(List.of(), List.of(NodeSelectorRequirement.in("metadata.name",
                        node.metadata().name())))));
        ObjectReference ref = new ObjectReference(claim.kind(), claim.metadata().namespace(),
                claim.metadata().name(), claim.metadata().uid(), claim.apiVersion(), null, null);
        PersistentVolumeSpec spec = new PersistentVolumeSpec(
                Map.of(VolumeResourceRequirements.STORAGE, VolumeMatcher.requested(claim)),
                new HostPathVolumeSource("/var/lib/flotilla/volumes/" + name, HostPathVolumeSource.DIRECTORY_OR_CREATE),
                null, claim.spec().accessModes(), ref,
                sc.reclaimPolicy() == null ? StorageClass.DELETE : sc.reclaimPolicy(), sc.metadata().name(),
                sc.mountOptions(), claim.spec().volumeMode(), affinity);
        ObjectMeta meta = ObjectMeta.builder().name(name)
                .annotation(VolumeController.PROVISIONED_BY, sc.provisioner())
                .annotation(VolumeController.RUNTIME_VOLUME, name).build();
        try {
            PersistentVolume created = client.resources(PersistentVolume.TYPE)
                    .create(new PersistentVolume(meta, spec, null));
            recorder.normal(claim, "ProvisioningSucceeded", "Successfully provisioned volume %s", name);
            return created;
        } catch (StoreException.AlreadyExists exists) {
            return client.resources(PersistentVolume.TYPE).get(name).orElseThrow(() -> exists);
        }
    }

    private void pending(PersistentVolumeClaim claim) {
        if (claim.status() == null || claim.status().phase() == null) {
            setClaimStatus(claim, PersistentVolumeClaimStatus.of(PersistentVolumeClaimStatus.PENDING));
        }
    }

    private void setClaimStatus(PersistentVolumeClaim claim, PersistentVolumeClaimStatus status) {
        if (!status.equals(claim.status())) {
            claimClient(claim).updateStatus(claim.metadata().name(), c -> c.withStatus(status));
        }
    }

    private ResourceClient<PersistentVolumeClaim> claimClient(PersistentVolumeClaim claim) {
        return client.persistentVolumeClaims().inNamespace(claim.metadata().namespace());
    }
}

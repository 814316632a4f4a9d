package io.flotilla.core.controllers.volume;

import io.flotilla.api.controller.Request;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.PersistentVolume;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Volume;
import io.flotilla.api.storage.StorageClass;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controllers.ControllerContext;
import io.flotilla.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers PersistentVolume binding — a claim binder (keys: claims) and a volume reclaimer (keys: volumes) — and
 * ensures the default StorageClass, and names the annotations they use. Stateless.
 */
public final class VolumeController {
    /** The binder's name, also its events' source component. */
    public static final String BINDER = "persistentvolume-binder";
    /** The reclaimer's name. */
    public static final String RECLAIMER = "persistentvolume-reclaimer";
    /** Flotilla's own provisioner: volumes backed by a runtime volume on the node. */
    public static final String PROVISIONER = "flotilla.io/runtime-volume";
    /** The default StorageClass created at start when there is none. */
    public static final String DEFAULT_CLASS = "standard";
    /** Claim annotation with the node of its first consumer ({@code WaitForFirstConsumer}). */
    public static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
    /** Claim annotation naming the provisioner that provisions it. */
    public static final String STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
    /** Volume annotation naming the provisioner that made it. */
    public static final String PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
    /** Volume annotation with the runtime volume backing it (the node agent names it after the volume). */
    public static final String RUNTIME_VOLUME = "volume.flotilla.io/runtime-volume";
    /** Annotation on volume and claim: the binding was made by the controller. */
    public static final String BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
    /** Claim annotation: binding is complete. */
    public static final String BIND_COMPLETED = "pv.kubernetes.io/bind-completed";

    private VolumeController() {
    }

    /**
     * Ensures the default StorageClass (through the client, at once), then registers the binder and the
     * reclaimer.
     *
     * @param context the controller context; not {@code null}
     */
    public static void register(ControllerContext context) {
        ensureDefaultClass(context.client());
        var informers = context.informers();
        Lister<PersistentVolumeClaim> claims = informers.lister(PersistentVolumeClaim.TYPE);
        Lister<PersistentVolume> volumes = informers.lister(PersistentVolume.TYPE);
        ClaimBinder binder = new ClaimBinder(context.client(), claims, volumes,
                informers.lister(StorageClass.TYPE), informers.lister(Pod.TYPE), informers.lister(Node.TYPE),
                context.clock(), context.recorder(BINDER));
        context.manager().controller(BINDER).forType(PersistentVolumeClaim.TYPE)
                .watches(PersistentVolume.TYPE, pv -> claimsFor(pv, claims))
                .watches(StorageClass.TYPE, sc -> unbound(claims))
                .watches(Pod.TYPE, VolumeController::claimsOf)
                .reconciler(binder);
        VolumeReclaimer reclaimer = new VolumeReclaimer(context.client(), volumes, claims, context.clock(),
                context.recorder(BINDER));
        context.manager().controller(RECLAIMER).forType(PersistentVolume.TYPE)
                .watches(PersistentVolumeClaim.TYPE, claim -> volumes.list().stream()
                        .filter(pv -> pv.spec().claimRef() != null
                                && claim.metadata().name().equals(pv.spec().claimRef().name())
                                && claim.metadata().namespace().equals(pv.spec().claimRef().namespace()))
                        .map(Request::of).toList())
                .reconciler(reclaimer);
    }

    /**
     * Creates {@value #DEFAULT_CLASS} (Flotilla's provisioner, {@code WaitForFirstConsumer}, reclaim {@code Delete},
     * marked default) unless a default class exists. Idempotent.
     */
    static void ensureDefaultClass(Client client) {
        if (client.storageClasses().list().stream().anyMatch(StorageClass::isDefaultClass)) {
            return;
        }
        try {
            client.storageClasses().create(StorageClass.named(DEFAULT_CLASS).provisioner(PROVISIONER)
                    .reclaimPolicy(StorageClass.DELETE).waitForFirstConsumer().defaultClass().build());
        } catch (StoreException.AlreadyExists exists) {
            // a class of that name, not marked default, was created by the user: leave it alone
        }
    }

    private static List<Request> claimsFor(PersistentVolume pv, Lister<PersistentVolumeClaim> claims) {
        var ref = pv.spec().claimRef();
        if (ref != null && ref.name() != null) {
            return List.of(Request.of(ref.namespace(), ref.name()));
        }
        return unbound(claims);
    }

    private static List<Request> unbound(Lister<PersistentVolumeClaim> claims) {
        return claims.list().stream().filter(c -> c.spec().volumeName() == null || c.spec().volumeName().isEmpty())
                .map(Request::of).toList();
    }

    private static List<Request> claimsOf(Pod pod) {
        if (pod.nodeName() == null || pod.spec() == null) {
            return List.of();
        }
        List<Request> out = new ArrayList<>();
        for (Volume v : pod.spec().volumes()) {
            if (v.persistentVolumeClaim() != null) {
                out.add(Request.of(pod.metadata().namespace(), v.persistentVolumeClaim().claimName()));
            }
        }
        return out;
    }
}

package io.flotilla.core.controllers.volume;

import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.ObjectReference;
import io.flotilla.api.core.PersistentVolume;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.PersistentVolumeSpec;
import io.flotilla.api.core.PersistentVolumeStatus;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes' {@code syncVolume} for one PersistentVolume: its phase follows its claim ({@code Available} without
 * one or while pre-bound to a claim not yet created, {@code Bound} with it); once the claim it was bound to is
 * deleted the volume is {@code Released} and then kept ({@code Retain}, the default for volumes made by hand) or
 * deleted ({@code Delete}). {@code Recycle} is deprecated in Kubernetes and not supported: such volumes stay
 * {@code Released}, with a warning. Thread-safe: stateless besides the caches and the client.
 */
final class VolumeReclaimer implements Reconciler {
    private final Client client;
    private final Lister<PersistentVolume> volumes;
    private final Lister<PersistentVolumeClaim> claims;
    private final Clock clock;
    private final EventRecorder recorder;

    VolumeReclaimer(Client client, Lister<PersistentVolume> volumes, Lister<PersistentVolumeClaim> claims,
                    Clock clock, EventRecorder recorder) {
        this.client = Objects.requireNonNull(client, "client");
        this.volumes = Objects.requireNonNull(volumes, "volumes");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    public Result reconcile(Request request) {
        PersistentVolume pv = volumes.get(request.name()).orElse(null);
        if (pv == null || pv.metadata().isDeleting()) {
            return Result.done();
        }
        ObjectReference ref = pv.spec().claimRef();
        if (ref == null) {
            setPhase(pv, PersistentVolumeStatus.AVAILABLE);
            return Result.done();
        }
        boolean preBound = ref.uid() == null || ref.uid().isEmpty();
        Optional<PersistentVolumeClaim> claim = claim(ref);
        if (claim.isPresent()) {
            if (pv.metadata().name().equals(claim.get().spec().volumeName())) {
                setPhase(pv, PersistentVolumeStatus.BOUND);
            } else if (preBound) {
                setPhase(pv, PersistentVolumeStatus.AVAILABLE);
            }
            return Result.done();
        }
        if (preBound) {
            setPhase(pv, PersistentVolumeStatus.AVAILABLE);
            return Result.done();
        }
        setPhase(pv, PersistentVolumeStatus.RELEASED);
        reclaim(pv);
        return Result.done();
    }

    /** The claim the reference names, if it exists with the referenced uid (checked against the API, not the cache). */
    private Optional<PersistentVolumeClaim> claim(ObjectReference ref) {
        Optional<PersistentVolumeClaim> cached = claims.get(ref.namespace(), ref.name());
        Optional<PersistentVolumeClaim> found = cached.isPresent() ? cached
                : client.persistentVolumeClaims().inNamespace(ref.namespace()).get(ref.name());
        return found.filter(c -> ref.uid() == null || ref.uid().isEmpty()
                || ref.uid().equals(c.metadata().uid()));
    }

    private void reclaim(PersistentVolume pv) {
        String policy = pv.spec().persistentVolumeReclaimPolicy();
        if (PersistentVolumeSpec.DELETE.equals(policy)) {
            try {
                client.resources(PersistentVolume.TYPE).delete(pv.metadata().name());
                recorder.normal(pv, "VolumeDelete", "deleted volume %s of a deleted claim", pv.metadata().name());
            } catch (StoreException.NotFound gone) {
                // already gone
            }
        } else if (PersistentVolumeSpec.RECYCLE.equals(policy)) {
            recorder.warning(pv, "VolumeUnsupportedReclaimPolicy", "Volume has unsupported "
                    + "PersistentVolumeReclaimPolicy: Recycle");
        }
    }

    private void setPhase(PersistentVolume pv, String phase) {
        if (pv.status() != null && phase.equals(pv.status().phase())) {
            return;
        }
        try {
            client.resources(PersistentVolume.TYPE).updateStatus(pv.metadata().name(), v -> v.withStatus(
                    new PersistentVolumeStatus(phase, null, null, clock.now())));
        } catch (StoreException.NotFound gone) {
            // deleted meanwhile
        }
    }
}

package io.flotilla.core.controllers.volume;

import static io.flotilla.core.controllers.harness.ControllerHarness.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.controller.Request;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.PersistentVolume;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.PersistentVolumeClaimStatus;
import io.flotilla.api.core.PersistentVolumeMode;
import io.flotilla.api.core.PersistentVolumeSpec;
import io.flotilla.api.core.PersistentVolumeStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Volume;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.storage.StorageClass;
import io.flotilla.core.controllers.harness.ControllerHarness;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PersistentVolumeBinderTest {
    private final ControllerHarness h = new ControllerHarness(PersistentVolumeClaim.TYPE, PersistentVolume.TYPE,
            StorageClass.TYPE, Pod.TYPE, Node.TYPE);
    private final ClaimBinder binder = new ClaimBinder(h.client, h.lister(PersistentVolumeClaim.TYPE),
            h.lister(PersistentVolume.TYPE), h.lister(StorageClass.TYPE), h.lister(Pod.TYPE), h.lister(Node.TYPE),
            h.clock, h.recorder);
    private final VolumeReclaimer reclaimer = new VolumeReclaimer(h.client, h.lister(PersistentVolume.TYPE),
            h.lister(PersistentVolumeClaim.TYPE), h.clock, h.recorder);

    @AfterEach
    void close() {
        h.close();
    }

    private void pv(String name, String size, UnaryOperator<PersistentVolume.Builder> edit) {
        h.client.resources(PersistentVolume.TYPE).create(edit.apply(PersistentVolume.named(name).capacity(size)
                .readWriteOnce().storageClassName("manual").hostPath("/data/" + name)).build());
    }

    private void claim(String name, String size, UnaryOperator<PersistentVolumeClaim.Builder> edit) {
        h.client.persistentVolumeClaims().create(edit.apply(PersistentVolumeClaim.named(name).namespace(NS)
                .readWriteOnce().storage(size)).build());
    }

    private void bindClaim(String name) {
        h.settle();
        binder.reconcile(Request.of(NS, name));
        h.settle();
    }

    private void reclaim(String pv) {
        h.settle();
        reclaimer.reconcile(Request.clusterScoped(pv));
        h.settle();
    }

    private PersistentVolumeClaim claim(String name) {
        return h.client.persistentVolumeClaims().inNamespace(NS).get(name).orElseThrow();
    }

    private Optional<PersistentVolume> volume(String name) {
        return h.client.resources(PersistentVolume.TYPE).get(name);
    }

    @Test
    void bindsTheSmallestMatchingVolume() {
        pv("pv-1", "1Gi", b -> b);
        pv("pv-10", "10Gi", b -> b);
        pv("pv-5", "5Gi", b -> b);
        claim("data", "3Gi", b -> b.storageClassName("manual"));

        bindClaim("data");

        PersistentVolumeClaim claim = claim("data");
        assertThat(claim.spec().volumeName()).isEqualTo("pv-5");
        assertThat(claim.status().phase()).isEqualTo(PersistentVolumeClaimStatus.BOUND);
        assertThat(claim.status().capacity()).containsEntry("storage", Quantity.parse("5Gi"));
        assertThat(claim.metadata().annotations()).containsEntry(VolumeController.BIND_COMPLETED, "yes");
        PersistentVolume pv = volume("pv-5").orElseThrow();
        assertThat(pv.spec().claimRef().name()).isEqualTo("data");
        assertThat(pv.spec().claimRef().uid()).isEqualTo(claim.metadata().uid());
        assertThat(pv.status().phase()).isEqualTo(PersistentVolumeStatus.BOUND);
        reclaim("pv-1");
        assertThat(volume("pv-1").orElseThrow().status().phase()).isEqualTo(PersistentVolumeStatus.AVAILABLE);
    }

    @Test
    void classAccessModesSelectorAndVolumeModeMustMatch() {
        pv("other-class", "5Gi", b -> b.storageClassName("slow"));
        pv("rwo-only", "5Gi", b -> b);
        pv("block", "5Gi", b -> b.readWriteMany().volumeMode(PersistentVolumeMode.BLOCK));
        pv("silver", "5Gi", b -> b.readWriteMany().label("tier", "silver"));
        pv("gold", "8Gi", b -> b.readWriteMany().label("tier", "gold"));
        claim("shared", "2Gi", b -> b.readWriteMany().storageClassName("manual")
                .selector(LabelSelector.matchLabel("tier", "gold")));

        bindClaim("shared");

        assertThat(claim("shared").spec().volumeName()).isEqualTo("gold");
    }

    @Test
    void claimWithoutAFitStaysPending() {
        pv("small", "1Gi", b -> b);
        claim("big", "2Gi", b -> b.storageClassName("manual"));
        bindClaim("big");
        assertThat(claim("big").status().phase()).isEqualTo(PersistentVolumeClaimStatus.PENDING);
        assertThat(claim("big").spec().volumeName()).isNull();
        assertThat(h.eventReasons()).contains("FailedBinding");

        pv("large", "2Gi", b -> b);
        bindClaim("big");
        assertThat(claim("big").spec().volumeName()).isEqualTo("large");
    }

    @Test
    void aVolumePreBoundToAClaimIsUsedEvenIfBigger() {
        pv("small", "2Gi", b -> b);
        pv("reserved", "50Gi", b -> b.claimRef(new io.flotilla.api.core.ObjectReference("PersistentVolumeClaim",
                NS, "db", null, "v1", null, null)));
        claim("db", "1Gi", b -> b.storageClassName("manual"));
        reclaim("reserved");
        assertThat(volume("reserved").orElseThrow().status().phase()).isEqualTo(PersistentVolumeStatus.AVAILABLE);

        bindClaim("db");
        assertThat(claim("db").spec().volumeName()).isEqualTo("reserved");
        assertThat(volume("reserved").orElseThrow().spec().claimRef().uid()).isEqualTo(claim("db").metadata().uid());
    }

    @Test
    void immediateClassProvisionsARuntimeVolume() {
        h.client.storageClasses().create(StorageClass.named("fast").provisioner(VolumeController.PROVISIONER)
                .build());
        claim("cache", "3Gi", b -> b.storageClassName("fast"));

        bindClaim("cache");

        PersistentVolumeClaim claim = claim("cache");
        String name = "pvc-" + claim.metadata().uid();
        assertThat(claim.spec().volumeName()).isEqualTo(name);
        assertThat(claim.status().phase()).isEqualTo(PersistentVolumeClaimStatus.BOUND);
        assertThat(claim.metadata().annotations()).containsEntry(VolumeController.STORAGE_PROVISIONER,
                VolumeController.PROVISIONER);
        PersistentVolume pv = volume(name).orElseThrow();
        assertThat(pv.spec().persistentVolumeReclaimPolicy()).isEqualTo(PersistentVolumeSpec.DELETE);
        assertThat(pv.spec().storageClassName()).isEqualTo("fast");
        assertThat(VolumeMatcher.capacity(pv)).isEqualTo(Quantity.parse("3Gi"));
        assertThat(pv.metadata().annotations()).containsEntry(VolumeController.PROVISIONED_BY,
                VolumeController.PROVISIONER).containsEntry(VolumeController.RUNTIME_VOLUME, name);
        assertThat(pv.spec().nodeAffinity()).as("no node known with Immediate binding").isNull();
        assertThat(h.eventReasons()).contains("ProvisioningSucceeded");
    }

    @Test
    void defaultClassWaitsForTheFirstConsumerThenProvisionsOnItsNode() {
        VolumeController.ensureDefaultClass(h.client);
        h.node(Node.named("n1").build());
        claim("data", "1Gi", b -> b);

        bindClaim("data");
        assertThat(claim("data").status().phase()).isEqualTo(PersistentVolumeClaimStatus.PENDING);
        assertThat(h.eventReasons()).contains("WaitForFirstConsumer");
        assertThat(h.client.resources(PersistentVolume.TYPE).list()).isEmpty();

        h.client.pods().create(Pod.named("app").namespace(NS).container("app", c -> c.image("busybox:1.36"))
                .volume(Volume.persistentVolumeClaim("data", "data")).build());
        bindClaim("data");
        assertThat(claim("data").status().phase()).as("the pod is not scheduled yet")
                .isEqualTo(PersistentVolumeClaimStatus.PENDING);

        h.bind("app", "n1");
        bindClaim("data");
        PersistentVolumeClaim claim = claim("data");
        assertThat(claim.metadata().annotations()).containsEntry(VolumeController.SELECTED_NODE, "n1");
        assertThat(claim.status().phase()).isEqualTo(PersistentVolumeClaimStatus.BOUND);
        PersistentVolume pv = volume(claim.spec().volumeName()).orElseThrow();
        assertThat(pv.spec().storageClassName()).isEqualTo(VolumeController.DEFAULT_CLASS);
        assertThat(pv.spec().nodeAffinity().required().matches("n1", java.util.Map.of())).isTrue();
        assertThat(pv.spec().nodeAffinity().required().matches("n2", java.util.Map.of())).isFalse();
    }

    @Test
    void defaultClassIsCreatedOnlyWhenThereIsNone() {
        VolumeController.ensureDefaultClass(h.client);
        VolumeController.ensureDefaultClass(h.client);
        assertThat(h.client.storageClasses().list()).extracting(c -> c.metadata().name())
                .containsExactly(VolumeController.DEFAULT_CLASS);
        StorageClass standard = h.client.storageClasses().get(VolumeController.DEFAULT_CLASS).orElseThrow();
        assertThat(standard.isDefaultClass()).isTrue();
        assertThat(standard.volumeBindingMode()).isEqualTo(StorageClass.WAIT_FOR_FIRST_CONSUMER);

        ControllerHarness other = new ControllerHarness(StorageClass.TYPE);
        try {
            other.client.storageClasses().create(StorageClass.named("mine").provisioner("example.com/nfs")
                    .defaultClass().build());
            VolumeController.ensureDefaultClass(other.client);
            assertThat(other.client.storageClasses().list()).extracting(c -> c.metadata().name())
                    .containsExactly("mine");
        } finally {
            other.close();
        }
    }

    @Test
    void deletingTheClaimReleasesTheVolumeThenRetainsOrDeletesIt() {
        pv("kept", "1Gi", b -> b.reclaimPolicy(PersistentVolumeSpec.RETAIN));
        pv("dropped", "2Gi", b -> b.reclaimPolicy(PersistentVolumeSpec.DELETE));
        claim("a", "1Gi", b -> b.storageClassName("manual"));
        claim("b", "2Gi", b -> b.storageClassName("manual"));
        bindClaim("a");
        bindClaim("b");
        reclaim("kept");
        assertThat(volume("kept").orElseThrow().status().phase()).isEqualTo(PersistentVolumeStatus.BOUND);

        h.client.persistentVolumeClaims().inNamespace(NS).delete("a");
        h.client.persistentVolumeClaims().inNamespace(NS).delete("b");
        reclaim("kept");
        reclaim("dropped");

        assertThat(volume("kept").orElseThrow().status().phase()).isEqualTo(PersistentVolumeStatus.RELEASED);
        assertThat(volume("dropped")).isEmpty();

        claim("a", "1Gi", b -> b.storageClassName("manual"));
        bindClaim("a");
        assertThat(claim("a").spec().volumeName()).as("a Released volume is not bound again").isNull();
    }

    @Test
    void aClaimWhoseVolumeVanishedIsLost() {
        claim("orphan", "1Gi", b -> b.storageClassName("manual").volumeName("gone"));
        bindClaim("orphan");
        assertThat(claim("orphan").status().phase()).isEqualTo(PersistentVolumeClaimStatus.LOST);
    }
}

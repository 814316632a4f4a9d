package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PersistentVolume: builder and YAML agree; capacity, access modes and the single source are validated. */
class PersistentVolumeTest {

    private static List<String> errors(PersistentVolume pv) {
        ValidationErrors errors = new ValidationErrors();
        PersistentVolume.TYPE.validator().validate(pv, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    private static PersistentVolume.Builder local() {
        return PersistentVolume.named("pv-0").capacity("10Gi").readWriteOnce().local("/mnt/disks/ssd1")
                .nodeAffinity(NodeSelector.of(NodeSelectorTerm.of(
                        NodeSelectorRequirement.in("kubernetes.io/hostname", "edge-1"))));
    }

    @Test
    void builderEqualsYaml() {
        PersistentVolume built = local().reclaimPolicy(PersistentVolumeSpec.RETAIN).storageClassName("local-storage")
                .build();
        PersistentVolume loaded = Manifests.strict().readOne("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: pv-0}
                spec:
                  capacity: {storage: 10Gi}
                  local: {path: /mnt/disks/ssd1}
                  accessModes: [ReadWriteOnce]
                  persistentVolumeReclaimPolicy: Retain
                  storageClassName: local-storage
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                        - matchExpressions:
                            - {key: kubernetes.io/hostname, operator: In, values: [edge-1]}
                """, PersistentVolume.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(errors(built)).isEmpty();
    }

    @Test
    void withClaimRefChangesOnlyTheClaim() {
        PersistentVolume pv = local().build().withStatus(PersistentVolumeStatus.of(PersistentVolumeStatus.AVAILABLE));
        ObjectReference claim = ObjectReference.of("PersistentVolumeClaim", "shop", "data");
        PersistentVolume bound = pv.withClaimRef(claim);

        assertThat(bound.spec().claimRef()).isEqualTo(claim);
        assertThat(bound.status()).isEqualTo(pv.status());
        assertThat(bound.withClaimRef(null)).isEqualTo(pv);
    }

    @Test
    void needsCapacityAccessModesAndExactlyOneSource() {
        assertThat(errors(PersistentVolume.named("pv").build())).containsExactly(
                "spec.capacity: Required value",
                "spec.accessModes: Required value: at least 1 access mode is required",
                "spec: Required value: must specify a volume type");
        assertThat(errors(local().hostPath("/data").build()))
                .containsExactly("spec.local: Forbidden: may not specify more than 1 volume type");
    }

    @Test
    void localVolumesNeedNodeAffinityAndPathsMustBeAbsolute() {
        assertThat(errors(PersistentVolume.named("pv").capacity("1Gi").readWriteOnce().local("disks/a").build()))
                .containsExactly("spec.local.path: Invalid value: \"disks/a\": must be an absolute path",
                        "spec.nodeAffinity: Required value: Local volume requires node affinity");
        assertThat(errors(PersistentVolume.named("pv").capacity("1Gi").readWriteOnce().hostPath("/a/../etc").build()))
                .containsExactly("spec.hostPath.path: Invalid value: \"/a/../etc\": must not contain '..'");
    }

    @Test
    void reclaimPolicyAndVolumeModeMustBeKnown() {
        assertThat(errors(local().reclaimPolicy("Keep").volumeMode("Disk").build())).containsExactly(
                "spec.persistentVolumeReclaimPolicy: Unsupported value: \"Keep\": supported values: "
                        + "\"Delete\", \"Recycle\", \"Retain\"",
                "spec.volumeMode: Unsupported value: \"Disk\": supported values: \"Block\", \"Filesystem\"");
    }
}

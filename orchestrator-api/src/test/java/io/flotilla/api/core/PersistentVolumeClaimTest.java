package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PersistentVolumeClaim: builder and YAML agree; access modes and requested storage are validated. */
class PersistentVolumeClaimTest {

    private static List<String> errors(PersistentVolumeClaim pvc) {
        ValidationErrors errors = new ValidationErrors();
        PersistentVolumeClaim.TYPE.validator().validate(pvc, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    @Test
    void builderEqualsYaml() {
        PersistentVolumeClaim built = PersistentVolumeClaim.named("data").namespace("shop").readWriteOnce()
                .storage("1Gi").storageClassName("local-path").selector(LabelSelector.of(Map.of("tier", "db")))
                .build();
        PersistentVolumeClaim loaded = Manifests.strict().readOne("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  accessModes: [ReadWriteOnce]
                  selector: {matchLabels: {tier: db}}
                  resources: {requests: {storage: 1Gi}}
                  storageClassName: local-path
                """, PersistentVolumeClaim.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(built.spec().resources().requestedStorage()).contains(Quantity.parse("1Gi"));
        assertThat(errors(built)).isEmpty();
    }

    @Test
    void accessModesAndStorageAreRequired() {
        assertThat(errors(PersistentVolumeClaim.named("data").build())).containsExactly(
                "spec.accessModes: Required value: at least 1 access mode is required",
                "spec.resources.requests[storage]: Required value");
    }

    @Test
    void storageMustBePositive() {
        assertThat(errors(PersistentVolumeClaim.named("data").readWriteOnce().storage("0").build()))
                .containsExactly("spec.resources.requests[storage]: Invalid value: \"0\": must be greater than zero");
        assertThat(errors(PersistentVolumeClaim.named("data").readWriteOnce().storage("-1Gi").build()))
                .singleElement().asString()
                .startsWith("spec.resources.requests[storage]: Invalid value")
                .endsWith("must be greater than or equal to 0");
    }

    @Test
    void accessModesMustBeKnownAndReadWriteOncePodAlone() {
        assertThat(errors(PersistentVolumeClaim.named("d").accessMode("ReadWriteSometimes").storage("1Gi").build()))
                .singleElement().asString().startsWith("spec.accessModes: Unsupported value: \"ReadWriteSometimes\"");
        assertThat(errors(PersistentVolumeClaim.named("d").readWriteOncePod().readOnlyMany().storage("1Gi").build()))
                .containsExactly("spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes");
    }

    @Test
    void boundReflectsStatus() {
        PersistentVolumeClaim pvc = PersistentVolumeClaim.named("d").readWriteOnce().storage("1Gi").build();

        assertThat(pvc.isBound()).isFalse();
        assertThat(pvc.withStatus(PersistentVolumeClaimStatus.of(PersistentVolumeClaimStatus.BOUND)).isBound())
                .isTrue();
    }
}

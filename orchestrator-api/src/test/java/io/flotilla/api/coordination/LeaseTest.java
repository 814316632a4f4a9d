package io.flotilla.api.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lease: builder and YAML agree (microsecond times), expiry arithmetic and validation. */
class LeaseTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");

    private static List<String> errors(Lease lease) {
        ValidationErrors errors = new ValidationErrors();
        Lease.TYPE.validator().validate(lease, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    @Test
    void builderEqualsYamlWithMicroTimes() {
        Lease built = Lease.named("leader").namespace("kube-system").holder("controller-1").durationSeconds(15)
                .acquired(T0).renewed(T0.plusSeconds(10)).transitions(2).build();
        Lease loaded = Manifests.strict().readOne("""
                apiVersion: coordination.k8s.io/v1
                kind: Lease
                metadata: {name: leader, namespace: kube-system}
                spec:
                  holderIdentity: controller-1
                  leaseDurationSeconds: 15
                  acquireTime: "2024-05-01T10:00:00.123456Z"
                  renewTime: "2024-05-01T10:00:10.123456Z"
                  leaseTransitions: 2
                """, Lease.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(Manifests.strict().toYaml(built)).contains("2024-05-01T10:00:10.123456Z");
        assertThat(errors(built)).isEmpty();
    }

    @Test
    void leaseExpiresDurationAfterTheLastRenewal() {
        LeaseSpec spec = Lease.named("l").holder("a").durationSeconds(15).acquired(T0).renewed(T0.plusSeconds(10))
                .build().spec();

        assertThat(spec.expiry()).contains(T0.plusSeconds(25));
        assertThat(spec.isAvailable(T0.plusSeconds(25))).isFalse();
        assertThat(spec.isAvailable(T0.plusSeconds(26))).isTrue();
        assertThat(Lease.named("l").build().spec().isAvailable(T0)).isTrue();
        assertThat(Lease.named("l").holder("a").build().spec().isAvailable(T0.plusSeconds(1_000_000))).isFalse();
    }

    @Test
    void durationMustBePositiveAndTransitionsNonNegative() {
        assertThat(errors(Lease.named("l").namespace("x").durationSeconds(0).transitions(-1).build())).containsExactly(
                "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
                "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0");
    }
}

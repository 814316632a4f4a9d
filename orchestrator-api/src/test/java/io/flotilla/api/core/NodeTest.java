package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node: builder and YAML agree, readiness and taints behave, and validation follows Kubernetes. */
class NodeTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private static List<String> errors(Node node) {
        ValidationErrors errors = new ValidationErrors();
        Node.TYPE.validator().validate(node, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    @Test
    void builderEqualsYaml() {
        Node built = Node.named("edge-1").label("disk", "ssd")
                .taint(Taint.of("dedicated", "gpu", Taint.NO_SCHEDULE))
                .capacity("cpu", "4").capacity("memory", "16Gi").allocatable("cpu", "3800m")
                .condition(NodeCondition.of(NodeCondition.READY, NodeCondition.TRUE, "KubeletReady", "ready", NOW))
                .address(NodeAddress.INTERNAL_IP, "10.0.0.7")
                .build();
        Node loaded = Manifests.strict().readOne("""
                apiVersion: v1
                kind: Node
                metadata: {name: edge-1, labels: {disk: ssd}}
                spec:
                  taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
                status:
                  capacity: {cpu: "4", memory: 16Gi}
                  allocatable: {cpu: 3800m}
                  conditions:
                    - type: Ready
                      status: "True"
                      lastHeartbeatTime: "2024-05-01T10:00:00Z"
                      lastTransitionTime: "2024-05-01T10:00:00Z"
                      reason: KubeletReady
                      message: ready
                  addresses: [{type: InternalIP, address: 10.0.0.7}]
                """, Node.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(errors(built)).isEmpty();
    }

    @Test
    void readinessComesFromTheReadyCondition() {
        Node node = Node.named("n").build();
        assertThat(node.status()).isNull();
        assertThat(node.isReady()).isFalse();

        Node ready = Node.named("n")
                .condition(NodeCondition.of(NodeCondition.READY, NodeCondition.TRUE, null, null, NOW)).build();
        assertThat(ready.isReady()).isTrue();
        assertThat(ready.status().condition(NodeCondition.MEMORY_PRESSURE)).isEmpty();

        Node unknown = Node.named("n")
                .condition(NodeCondition.of(NodeCondition.READY, NodeCondition.UNKNOWN, null, null, NOW)).build();
        assertThat(unknown.isReady()).isFalse();
    }

    @Test
    void statusAccessors() {
        Node node = Node.named("n").capacity("cpu", "4").address(NodeAddress.HOSTNAME, "n")
                .address(NodeAddress.INTERNAL_IP, "10.0.0.7").unschedulable(true).build();

        assertThat(node.status().capacity()).containsEntry("cpu", Quantity.parse("4"));
        assertThat(node.status().address(NodeAddress.INTERNAL_IP)).contains("10.0.0.7");
        assertThat(node.isUnschedulable()).isTrue();
    }

    @Test
    void taintsAreToleratedByKubernetesRules() {
        Taint gpu = Taint.of("dedicated", "gpu", Taint.NO_SCHEDULE);

        assertThat(gpu.isToleratedBy(Toleration.exists("dedicated"))).isTrue();
        assertThat(gpu.isToleratedBy(Toleration.equal("dedicated", "gpu", Toleration.NO_SCHEDULE))).isTrue();
        assertThat(gpu.isToleratedBy(Toleration.equal("dedicated", "cpu", null))).isFalse();
        assertThat(gpu.isToleratedBy(Toleration.equal("dedicated", "gpu", Toleration.NO_EXECUTE))).isFalse();
        assertThat(gpu).hasToString("dedicated=gpu:NoSchedule");
        assertThat(Taint.of(Taint.UNREACHABLE, null, Taint.NO_EXECUTE))
                .hasToString("node.kubernetes.io/unreachable:NoExecute");
    }

    @Test
    void taintsNeedKeyAndEffectAndAreUniquePerKeyAndEffect() {
        Node node = Node.named("n")
                .taint(Taint.of("dedicated", null, Taint.NO_SCHEDULE))
                .taint(Taint.of("dedicated", "gpu", Taint.NO_SCHEDULE))
                .taint(Taint.of("dedicated", "gpu", Taint.NO_EXECUTE))
                .taint(Taint.of(null, null, "Sometimes"))
                .build();

        assertThat(errors(node)).containsExactly(
                "spec.taints[1]: Duplicate value: \"dedicated:NoSchedule\"",
                "spec.taints[3].key: Required value",
                "spec.taints[3].effect: Unsupported value: \"Sometimes\": supported values: \"NoExecute\", "
                        + "\"NoSchedule\", \"PreferNoSchedule\"");
    }

    @Test
    void nodesAreClusterScoped() {
        assertThat(errors(Node.named("n").namespace("default").build()))
                .containsExactly("metadata.namespace: Forbidden: not allowed on this type");
    }

    @Test
    void podCIDRsAreChecked() {
        assertThat(errors(Node.named("n").podCIDR("10.244.0.0/16").build())).isEmpty();
        assertThat(errors(Node.named("n").podCIDR("fd00:10:244::/64").build())).isEmpty();
        assertThat(errors(Node.named("n").podCIDR("10.244.0.0").build()))
                .containsExactly("spec.podCIDR: Invalid value: \"10.244.0.0\": must be a valid CIDR value, "
                        + "(e.g. 10.9.8.0/24 or 2001:db8::/64)");
    }
}

package io.flotilla.api.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Taint;
import org.junit.jupiter.api.Test;

class NodeInfoTest {

    private static Node node(boolean cordoned) {
        Node.Builder b = Node.named("n1").allocatable("cpu", "4").allocatable("memory", "8Gi")
                .allocatable("pods", "110");
        if (cordoned) {
            b.unschedulable(true).taint(Taint.of("dedicated", "gpu", Taint.NO_SCHEDULE));
        }
        return b.build();
    }

    private static PodInfo pod(String name, String cpu) {
        Pod.Builder b = Pod.named(name).namespace("default");
        b.container("c", c -> {
            if (cpu != null) {
                c.resources(r -> r.cpu(cpu).memory("1Gi"));
            }
        });
        return PodInfo.of(b.build());
    }

    @Test
    void flatFieldsMirrorTheNodeAndThePods() {
        NodeInfo info = NodeInfo.of(node(true)).withPod(pod("a", "500m")).withPod(pod("b", null));
        assertThat(info.unschedulable()).isTrue();
        assertThat(info.taints()).extracting(Taint::key).containsExactly("dedicated");
        assertThat(info.podCount()).isEqualTo(2);
        assertThat(info.allocatableMilliCpu()).isEqualTo(info.allocatable().milliCpu()).isEqualTo(4000);
        assertThat(info.allocatableMemory()).isEqualTo(8L << 30);
        assertThat(info.allocatablePods()).isEqualTo(110);
        assertThat(info.requestedMilliCpu()).isEqualTo(info.requested().milliCpu()).isEqualTo(500);
        assertThat(info.requestedMemory()).isEqualTo(1L << 30);
        // the pod without requests counts 100m and 200Mi for scoring
        assertThat(info.nonZeroRequestedMilliCpu()).isEqualTo(info.nonZeroRequested().milliCpu()).isEqualTo(600);
        assertThat(info.nonZeroRequestedMemory()).isEqualTo((1L << 30) + PodInfo.DEFAULT_MEMORY_REQUEST);
    }

    @Test
    void flatFieldsFollowChanges() {
        NodeInfo info = NodeInfo.of(node(true)).withPod(pod("a", "500m"));
        NodeInfo uncordoned = info.withNode(node(false));
        assertThat(uncordoned.unschedulable()).isFalse();
        assertThat(uncordoned.taints()).isEmpty();
        assertThat(uncordoned.requestedMilliCpu()).isEqualTo(500);
        NodeInfo emptied = uncordoned.withoutPod(PodInfo.of(Pod.named("a").namespace("default").build()).id());
        assertThat(emptied.podCount()).isZero();
        assertThat(emptied.requestedMilliCpu()).isZero();
        assertThat(info.podCount()).isEqualTo(1);
        assertThat(NodeInfo.empty("x").taints()).isEmpty();
        assertThat(NodeInfo.empty("x").unschedulable()).isFalse();
    }

    @Test
    void aNewerVersionOfAPodSharesItsParsedDataAndReplacesItInPlace() {
        PodInfo a = pod("a", "500m");
        PodInfo assumed = a.withNodeName("n1");
        assertThat(assumed.pod().nodeName()).isEqualTo("n1");
        assertThat(assumed.requests()).isSameAs(a.requests());
        assertThat(assumed.id()).isEqualTo(a.id()).isEqualTo(PodInfo.idOf(a.pod()));
        NodeInfo info = NodeInfo.of(node(false)).withPod(assumed).withPod(pod("b", "1"));
        // the informer's bound version (same spec, new labels): shared data, same position, same sums
        Pod bound = assumed.pod().toBuilder().label("seen", "yes").build();
        PodInfo confirmed = assumed.withPod(bound);
        assertThat(confirmed.requests()).isSameAs(a.requests());
        NodeInfo after = info.withPod(confirmed);
        assertThat(after.pods()).extracting(p -> p.pod().metadata().labels().get("seen")).containsExactly("yes", null);
        assertThat(after.requestedMilliCpu()).isEqualTo(info.requestedMilliCpu()).isEqualTo(1500);
        // a changed spec is parsed again and the sums follow it
        PodInfo resized = assumed.withPod(pod("a", "2").pod());
        assertThat(resized.requests().milliCpu()).isEqualTo(2000);
        assertThat(info.withPod(resized).requestedMilliCpu()).isEqualTo(3000);
    }
}

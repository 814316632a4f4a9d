package io.flotilla.core.controllers.daemonset;

import static io.flotilla.core.controllers.harness.ControllerHarness.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.apps.DaemonSetStatus;
import io.flotilla.api.apps.Rollout;
import io.flotilla.api.controller.Request;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Taint;
import io.flotilla.api.core.Toleration;
import io.flotilla.core.controllers.harness.ControllerHarness;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DaemonSetReconcilerTest {
    private final ControllerHarness h = new ControllerHarness(DaemonSet.TYPE, Pod.TYPE, Node.TYPE);
    private final DaemonSetReconciler reconciler = new DaemonSetReconciler(h.client, h.lister(DaemonSet.TYPE),
            h.lister(Pod.TYPE), h.lister(Node.TYPE), h.clock, h.recorder);

    @AfterEach
    void close() {
        h.close();
    }

    private static DaemonSet.Builder agent() {
        return DaemonSet.named("agent").namespace(NS).podLabel("app", "agent").selector("app", "agent")
                .container("agent", c -> c.image("fluent-bit:3.1"));
    }

    private void node(String name, UnaryOperator<Node.Builder> edit) {
        h.node(edit.apply(Node.named(name)).build());
    }

    private void reconcile() {
        h.settle();
        reconciler.reconcile(Request.of(NS, "agent"));
        h.settle();
    }

    /** Live daemon pods by the node they are pinned to. */
    private Map<String, List<Pod>> podsByNode() {
        Map<String, List<Pod>> out = new TreeMap<>();
        for (Pod pod : h.client.pods().inNamespace(NS).list()) {
            if (!pod.metadata().isDeleting()) {
                out.computeIfAbsent(DaemonPods.targetNode(pod), k -> new java.util.ArrayList<>()).add(pod);
            }
        }
        return out;
    }

    private Pod podOn(String node) {
        List<Pod> pods = podsByNode().get(node);
        assertThat(pods).as("pods on " + node).hasSize(1);
        return pods.get(0);
    }

    /** As scheduler and node agent: binds every live pod to its node and makes it ready. */
    private void readyAll() {
        for (Pod pod : h.client.pods().inNamespace(NS).list()) {
            if (!pod.metadata().isDeleting() && !pod.isReady()) {
                h.bind(pod.metadata().name(), DaemonPods.targetNode(pod));
                h.runningReady(pod.metadata().name());
            }
        }
    }

    private DaemonSetStatus status() {
        return h.client.daemonSets().inNamespace(NS).get("agent").orElseThrow().status();
    }

    private String image(Pod pod) {
        return pod.spec().containers().get(0).image();
    }

    @Test
    void runsOnePodPerNodePinnedByNodeAffinityWithDaemonTolerations() {
        node("n1", b -> b);
        node("n2", b -> b);
        h.client.daemonSets().create(agent().build());
        reconcile();

        assertThat(podsByNode()).containsOnlyKeys("n1", "n2");
        Pod pod = podOn("n1");
        assertThat(pod.metadata().name()).startsWith("agent-");
        assertThat(pod.spec().nodeName()).as("placed by the scheduler").isNull();
        assertThat(pod.spec().affinity().nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution()
                .nodeSelectorTerms().get(0).matchFields().get(0).values()).containsExactly("n1");
        assertThat(pod.spec().tolerations()).extracting(Toleration::key).contains(Taint.NOT_READY, Taint.UNREACHABLE,
                Taint.UNSCHEDULABLE, "node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
                "node.kubernetes.io/pid-pressure");
        reconcile();
        assertThat(h.client.pods().inNamespace(NS).list()).as("idempotent").hasSize(2);

        readyAll();
        reconcile();
        DaemonSetStatus status = status();
        assertThat(status.desiredNumberScheduled()).isEqualTo(2);
        assertThat(status.currentNumberScheduled()).isEqualTo(2);
        assertThat(status.numberReady()).isEqualTo(2);
        assertThat(status.numberAvailable()).isEqualTo(2);
        assertThat(status.updatedNumberScheduled()).isEqualTo(2);
        assertThat(status.numberMisscheduled()).isZero();
        assertThat(status.numberUnavailable()).isZero();
    }

    @Test
    void addsAPodWhenANodeJoinsAndRemovesItWhenTheNodeLeaves() {
        node("n1", b -> b);
        h.client.daemonSets().create(agent().build());
        reconcile();
        readyAll();

        node("n2", b -> b);
        reconcile();
        assertThat(podsByNode()).containsOnlyKeys("n1", "n2");

        h.client.nodes().delete("n1");
        reconcile();
        assertThat(podsByNode()).containsOnlyKeys("n2");
        assertThat(h.client.pods().inNamespace(NS).list()).as("force-deleted: no agent will confirm").hasSize(1);
    }

    @Test
    void followsTheNodeSelector() {
        node("ssd", b -> b.label("disk", "ssd"));
        node("hdd", b -> b.label("disk", "hdd"));
        h.client.daemonSets().create(agent().nodeSelector("disk", "ssd").build());
        reconcile();
        assertThat(podsByNode()).containsOnlyKeys("ssd");

        h.client.nodes().update("hdd", n -> n.withMetadata(n.metadata().withLabel("disk", "ssd")));
        h.client.nodes().update("ssd", n -> n.withMetadata(n.metadata().withLabel("disk", "nvme")));
        reconcile();
        assertThat(podsByNode()).containsOnlyKeys("hdd");
    }

    @Test
    void taintsKeepPodsOffUnlessTolerated() {
        node("plain", b -> b);
        node("gpu", b -> b.taint(Taint.of("gpu", "true", Taint.NO_SCHEDULE)));
        node("cordoned", b -> b.taint(Taint.of(Taint.UNSCHEDULABLE, null, Taint.NO_SCHEDULE)));
        node("not-ready", b -> b.taint(Taint.of(Taint.NOT_READY, null, Taint.NO_EXECUTE)));
        h.client.daemonSets().create(agent().build());
        reconcile();
        assertThat(podsByNode()).as("automatic tolerations cover cordoned and not-ready nodes")
                .containsOnlyKeys("plain", "cordoned", "not-ready");

        h.client.daemonSets().update(NS, "agent", d -> d.toBuilder()
                .toleration(Toleration.equal("gpu", "true", Taint.NO_SCHEDULE)).build());
        reconcile();
        reconcile();
        assertThat(podsByNode().values()).as("the template changed: every pod is at the new revision")
                .allSatisfy(pods -> assertThat(pods).hasSize(1));
        assertThat(podsByNode()).containsOnlyKeys("plain", "gpu", "cordoned", "not-ready");
    }

    @Test
    void noScheduleTaintLeavesTheRunningPodAsMisscheduledAndNoExecuteEvictsIt() {
        node("n1", b -> b);
        node("n2", b -> b);
        h.client.daemonSets().create(agent().build());
        reconcile();
        readyAll();

        h.client.nodes().update("n1", n -> n.toBuilder().taint(Taint.of("maint", "x", Taint.NO_SCHEDULE)).build());
        h.client.nodes().update("n2", n -> n.toBuilder().taint(Taint.of("maint", "x", Taint.NO_EXECUTE)).build());
        reconcile();
        assertThat(podsByNode()).containsOnlyKeys("n1");
        assertThat(status().numberMisscheduled()).isEqualTo(1);
        assertThat(status().desiredNumberScheduled()).isZero();
    }

    @Test
    void rollingUpdateReplacesOneNodeAtATimeWithMaxUnavailable() {
        node("n1", b -> b);
        node("n2", b -> b);
        node("n3", b -> b);
        h.client.daemonSets().create(agent().build());
        reconcile();
        readyAll();
        reconcile();

        h.client.daemonSets().update(NS, "agent", d -> d.toBuilder()
                .container("agent", c -> c.image("fluent-bit:3.2")).build());
        List<String> nodes = List.of("n1", "n2", "n3");
        for (String node : nodes) {
            reconcile();
            assertThat(podsByNode()).as("the old pod on " + node + " is deleted first").doesNotContainKey(node)
                    .hasSize(2);
            reconcile();
            assertThat(image(podOn(node))).isEqualTo("fluent-bit:3.2");
            reconcile();
            assertThat(podsByNode().values().stream().filter(l -> image(l.get(0)).equals("fluent-bit:3.2")))
                    .as("waits for the new pod on " + node + " to be available").hasSize(nodes.indexOf(node) + 1);
            assertThat(podsByNode()).hasSize(3);
            readyAll();
        }
        reconcile();
        assertThat(status().updatedNumberScheduled()).isEqualTo(3);
        assertThat(status().numberAvailable()).isEqualTo(3);
    }

    @Test
    void surgeStartsTheNewPodBeforeDeletingTheOldOne() {
        node("n1", b -> b);
        node("n2", b -> b);
        h.client.daemonSets().create(agent().rollingUpdate(Rollout.maxSurge(1)).build());
        reconcile();
        readyAll();
        reconcile();

        h.client.daemonSets().update(NS, "agent", d -> d.toBuilder()
                .container("agent", c -> c.image("fluent-bit:3.2")).build());
        reconcile();
        assertThat(podsByNode().get("n1")).extracting(this::image)
                .containsExactlyInAnyOrder("fluent-bit:3.1", "fluent-bit:3.2");
        assertThat(podsByNode().get("n2")).hasSize(1);

        readyAll();
        reconcile();
        assertThat(podsByNode().get("n1")).extracting(this::image).containsExactly("fluent-bit:3.2");
        assertThat(podsByNode().get("n2")).extracting(this::image)
                .containsExactlyInAnyOrder("fluent-bit:3.1", "fluent-bit:3.2");
    }

    @Test
    void failedDaemonPodIsReplaced() {
        node("n1", b -> b);
        h.client.daemonSets().create(agent().build());
        reconcile();
        Pod first = podOn("n1");
        h.bind(first.metadata().name(), "n1");
        h.finished(first.metadata().name(), io.flotilla.api.core.PodStatus.FAILED);
        reconcile();
        reconcile();
        assertThat(podOn("n1").metadata().uid()).isNotEqualTo(first.metadata().uid());
    }
}

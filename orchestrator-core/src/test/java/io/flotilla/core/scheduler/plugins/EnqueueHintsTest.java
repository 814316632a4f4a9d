package io.flotilla.core.scheduler.plugins;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ContainerPort;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Taint;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.EnqueueExtensions;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.QueueingHint;
import io.flotilla.core.scheduler.plugins.nodeaffinity.NodeAffinity;
import io.flotilla.core.scheduler.plugins.nodename.NodeName;
import io.flotilla.core.scheduler.plugins.nodeports.NodePorts;
import io.flotilla.core.scheduler.plugins.noderesources.NodeResourcesFit;
import io.flotilla.core.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import io.flotilla.core.scheduler.plugins.tainttoleration.TaintToleration;
import org.junit.jupiter.api.Test;

/** The cluster events each rejecting plugin subscribes to, and their hints. */
class EnqueueHintsTest {

    /** The hint of the first subscription matching {@code event}; null if none matches. */
    private static QueueingHint hint(EnqueueExtensions plugin, ClusterEvent event, Pod pod, Resource oldObj,
                                     Resource newObj) {
        for (ClusterEventWithHint e : plugin.eventsToRegister()) {
            if (e.event().matches(event)) {
                return e.hint() == null ? QueueingHint.QUEUE : e.hint().hint(pod, oldObj, newObj);
            }
        }
        return null;
    }

    private static final ClusterEvent NODE_ADD = ClusterEvent.of(EventResource.NODE, ActionType.ADD);

    @Test
    void nodeNameWaitsForItsNode() {
        Pod p = pod("p").toBuilder().nodeName("wanted").build();
        assertThat(hint(new NodeName(), NODE_ADD, p, null, node("other"))).isEqualTo(QueueingHint.SKIP);
        assertThat(hint(new NodeName(), NODE_ADD, p, null, node("wanted"))).isEqualTo(QueueingHint.QUEUE);
        assertThat(hint(new NodeName(), ClusterEvent.of(EventResource.POD, ActionType.DELETE), p, pod("x"), null))
                .isNull();
    }

    @Test
    void taintsAndCordonsRequeueOnlyWhenTheNodeBecomesUsable() {
        ClusterEvent taintChange = ClusterEvent.of(EventResource.NODE, ActionType.UPDATE_NODE_TAINT);
        Node tainted = node("n1").toBuilder().taint(Taint.of("k", "v", "NoSchedule")).build();
        assertThat(hint(new TaintToleration(), taintChange, pod("p"), node("n1"), tainted))
                .isEqualTo(QueueingHint.SKIP);
        assertThat(hint(new TaintToleration(), taintChange, pod("p"), tainted, node("n1")))
                .isEqualTo(QueueingHint.QUEUE);
        Node cordoned = node("n1").toBuilder().unschedulable(true).build();
        assertThat(hint(new NodeUnschedulable(), taintChange, pod("p"), node("n1"), cordoned))
                .isEqualTo(QueueingHint.SKIP);
        assertThat(hint(new NodeUnschedulable(), taintChange, pod("p"), cordoned, node("n1")))
                .isEqualTo(QueueingHint.QUEUE);
    }

    @Test
    void resourcesRequeueOnFreedCapacityOrABigEnoughNode() {
        NodeResourcesFit fit = new NodeResourcesFit(PluginArgs.EMPTY);
        Pod big = pod("p", "8", "1Gi");
        assertThat(hint(fit, NODE_ADD, big, null, node("small", "4", "8Gi"))).isEqualTo(QueueingHint.SKIP);
        assertThat(hint(fit, NODE_ADD, big, null, node("large", "16", "8Gi"))).isEqualTo(QueueingHint.QUEUE);
        assertThat(hint(fit, ClusterEvent.of(EventResource.POD, ActionType.DELETE), big, pod("gone"), null))
                .isEqualTo(QueueingHint.QUEUE);
        assertThat(hint(fit, ClusterEvent.of(EventResource.NODE, ActionType.UPDATE_NODE_LABEL), big, null,
                node("n"))).isNull();
    }

    @Test
    void nodeAffinityRequeuesOnMatchingLabels() {
        Pod p = pod("p").toBuilder().nodeSelector("disk", "ssd").build();
        ClusterEvent relabel = ClusterEvent.of(EventResource.NODE, ActionType.UPDATE_NODE_LABEL);
        assertThat(hint(new NodeAffinity(), relabel, p, node("n"), node("n"))).isEqualTo(QueueingHint.SKIP);
        assertThat(hint(new NodeAffinity(), relabel, p, node("n"), node("n").toBuilder().label("disk", "ssd").build()))
                .isEqualTo(QueueingHint.QUEUE);
    }

    @Test
    void hostPortsRequeueWhenAHolderGoes() {
        ContainerPort port = new ContainerPort(null, 8080, 80, null, null);
        Pod wants = pod("p").toBuilder().container("app", c -> c.port(port)).build();
        ClusterEvent delete = ClusterEvent.of(EventResource.POD, ActionType.DELETE);
        assertThat(hint(new NodePorts(), delete, wants, pod("unrelated"), null)).isEqualTo(QueueingHint.SKIP);
        Pod holder = pod("holder").toBuilder().container("app", c -> c.port(port)).build();
        assertThat(hint(new NodePorts(), delete, wants, holder, null)).isEqualTo(QueueingHint.QUEUE);
    }
}

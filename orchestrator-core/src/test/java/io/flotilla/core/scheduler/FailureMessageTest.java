package io.flotilla.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.scheduler.Status;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

    @Test
    void countsReasonsAndSortsThemLikeKubernetes() {
        Diagnosis d = new Diagnosis(5);
        Status cpu = Status.unschedulable("Insufficient cpu").withPlugin("NodeResourcesFit");
        Status taint = Status.unresolvable("node(s) had untolerated taint {dedicated: gpu}")
                .withPlugin("TaintToleration");
        d.recordNode("n1", cpu);
        d.recordNode("n2", cpu);
        d.recordNode("n3", cpu);
        d.recordNode("n4", taint);
        d.recordNode("n5", taint);

        assertThat(FailureMessage.of(d)).isEqualTo("0/5 nodes are available: 2 node(s) had untolerated taint "
                + "{dedicated: gpu}, 3 Insufficient cpu.");
        assertThat(d.unschedulablePlugins()).containsExactly("NodeResourcesFit", "TaintToleration");
    }

    @Test
    void aNodeWithSeveralReasonsCountsEachAndPreemptionAddsItsSentence() {
        Diagnosis d = new Diagnosis(2);
        d.recordNode("n1", Status.unschedulable("Insufficient cpu", "Insufficient memory"));
        d.recordNode("n2", Status.unschedulable("Insufficient memory"));
        d.recordPostFilter("preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod");

        assertThat(FailureMessage.of(d)).isEqualTo("0/2 nodes are available: 1 Insufficient cpu, "
                + "2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for "
                + "incoming pod.");
    }

    @Test
    void aPreFilterRejectionReplacesThePerNodeReasons() {
        Diagnosis d = new Diagnosis(3);
        d.recordPreFilter(Status.unresolvable("persistentvolumeclaim \"data\" not found").withPlugin("VolumeBinding"));

        assertThat(FailureMessage.of(d))
                .isEqualTo("0/3 nodes are available: persistentvolumeclaim \"data\" not found.");
    }
}

package io.flotilla.core.controllers.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.OwnerReference;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which pod updates wake the pod's ReplicaSet (the rest would cost a reconcile of all its pods for nothing). */
class ReplicaSetPodChangesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Pod pod() {
        return Pod.named("web-1").namespace("shop").label("app", "web")
                .container("c", c -> c.image("nginx:1.27")).build()
                .withStatus(PodStatus.of(PodStatus.PENDING));
    }

    private static Pod ready(Pod pod, Instant since) {
        return pod.withStatus(PodStatus.of(PodStatus.RUNNING)
                .withCondition(PodCondition.of(PodCondition.READY, PodCondition.TRUE, since)));
    }

    @Test
    void aBindingOrAContainerStatusAloneDoesNotMatter() {
        Pod pod = pod();
        Pod bound = pod.withSpec(pod.spec().withNodeName("n1")).withStatus(pod.status()
                .withCondition(PodCondition.of(PodCondition.POD_SCHEDULED, PodCondition.TRUE, T0)));
        assertThat(ReplicaSetController.podChangeMatters(pod, bound)).isFalse();
        assertThat(ReplicaSetController.podChangeMatters(ready(pod, T0), ready(bound, T0))).isFalse();
    }

    @Test
    void readinessPhaseLabelsOwnersAndDeletionMatter() {
        Pod pod = pod();
        assertThat(ReplicaSetController.podChangeMatters(pod, ready(pod, T0))).isTrue();
        assertThat(ReplicaSetController.podChangeMatters(ready(pod, T0), ready(pod, T0.plusSeconds(5)))).isTrue();
        assertThat(ReplicaSetController.podChangeMatters(pod, pod.withStatus(PodStatus.of(PodStatus.FAILED))))
                .isTrue();
        assertThat(ReplicaSetController.podChangeMatters(pod,
                pod.withMetadata(pod.metadata().withLabel("app", "api")))).isTrue();
        assertThat(ReplicaSetController.podChangeMatters(pod, pod.withMetadata(pod.metadata().toBuilder()
                .ownerReference(new OwnerReference("apps/v1", "ReplicaSet", "web", "uid-1", true, true))
                .build()))).isTrue();
        assertThat(ReplicaSetController.podChangeMatters(pod, pod.withMetadata(pod.metadata().toBuilder()
                .deletionTimestamp(T0).build()))).isTrue();
    }

    @Test
    void onlyChangesOfWhichPodsCountAreUrgentReadinessWaitsForTheBatch() {
        Pod pod = pod();
        assertThat(ReplicaSetController.podChangeUrgent(pod, ready(pod, T0))).isFalse();
        assertThat(ReplicaSetController.podChangeUrgent(pod, pod.withStatus(PodStatus.of(PodStatus.RUNNING))))
                .isFalse();
        assertThat(ReplicaSetController.podChangeUrgent(pod, pod.withStatus(PodStatus.of(PodStatus.FAILED))))
                .isTrue();
        assertThat(ReplicaSetController.podChangeUrgent(pod,
                pod.withMetadata(pod.metadata().withLabel("app", "api")))).isTrue();
        assertThat(ReplicaSetController.podChangeUrgent(pod, pod.withMetadata(pod.metadata().toBuilder()
                .deletionTimestamp(T0).build()))).isTrue();
    }
}

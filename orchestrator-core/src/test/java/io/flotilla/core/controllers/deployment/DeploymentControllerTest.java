package io.flotilla.core.controllers.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentCondition;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.controllers.replicaset.WorkloadHarness;
import io.flotilla.core.controllers.support.TemplateHash;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeploymentControllerTest {
    private static final LabelSelector WEB = LabelSelector.matchLabel("app", "web");
    private final WorkloadHarness h = new WorkloadHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private static Deployment.Builder web(int replicas) {
        return Deployment.named("web").replicas(replicas).container("app", c -> c.image("nginx:1.0"));
    }

    private Deployment deployment() {
        return h.client.deployments().get("web").orElseThrow();
    }

    private DeploymentRollout rollout() {
        return DeploymentRollout.of(h.client, h.clock, "default", "web");
    }

    private void update(UnaryOperator<Deployment.Builder> change) {
        h.client.deployments().update("web", d -> change.apply(d.toBuilder()).build());
    }

    private void setImage(String image) {
        update(b -> b.container("app", c -> c.image(image)));
    }

    private List<ReplicaSet> sets() {
        return h.list(ReplicaSet.TYPE).stream()
                .sorted(Comparator.comparingLong(rs -> Long.parseLong(rs.metadata().annotations()
                        .getOrDefault(DeploymentAnnotations.REVISION, "0"))))
                .toList();
    }

    /** Steps until the rollout completes: settle, finish terminating pods, make the unready pods ready. */
    private void rollOut() {
        for (int step = 0; step < 100; step++) {
            h.settle();
            h.finishTerminating();
            if (rollout().status().complete()) {
                return;
            }
            h.markReady(100, p -> true);
        }
        throw new AssertionError("rollout did not complete: " + rollout().status());
    }

    private String condition(String type) {
        return deployment().status().condition(type).map(c -> c.status() + "/" + c.reason()).orElse("none");
    }

    @Test
    void ownsAReplicaSetNamedAfterItsTemplateHash() {
        h.client.deployments().create(web(3).build());
        h.reconcileDeployment("default", "web");
        assertThat(condition(DeploymentCondition.PROGRESSING)).isEqualTo("True/NewReplicaSetCreated");
        h.settle();

        Deployment d = deployment();
        ReplicaSet rs = sets().getFirst();
        String hash = TemplateHash.of(d.spec().template(), null);
        assertThat(rs.metadata().name()).isEqualTo("web-" + hash);
        assertThat(rs.spec().selector().matchLabels()).containsEntry(DeploymentAnnotations.POD_TEMPLATE_HASH, hash);
        assertThat(rs.spec().template().metadata().labels())
                .containsEntry(DeploymentAnnotations.POD_TEMPLATE_HASH, hash).containsEntry("app", "web");
        assertThat(rs.metadata().controllerReference().orElseThrow().uid()).isEqualTo(d.metadata().uid());
        assertThat(rs.metadata().annotations())
                .containsEntry(DeploymentAnnotations.REVISION, "1")
                .containsEntry(DeploymentAnnotations.DESIRED_REPLICAS, "3")
                .containsEntry(DeploymentAnnotations.MAX_REPLICAS, "4");
        assertThat(d.metadata().annotations()).containsEntry(DeploymentAnnotations.REVISION, "1");
        assertThat(h.activePods(WEB)).hasSize(3).allSatisfy(p -> assertThat(p.metadata().labels())
                .containsEntry(DeploymentAnnotations.POD_TEMPLATE_HASH, hash));
        assertThat(condition(DeploymentCondition.PROGRESSING)).isEqualTo("True/ReplicaSetUpdated");
        assertThat(condition(DeploymentCondition.AVAILABLE)).isEqualTo("False/MinimumReplicasUnavailable");

        rollOut();
        assertThat(condition(DeploymentCondition.PROGRESSING)).isEqualTo("True/NewReplicaSetAvailable");
        assertThat(condition(DeploymentCondition.AVAILABLE)).isEqualTo("True/MinimumReplicasAvailable");
        assertThat(deployment().status().observedGeneration()).isEqualTo(d.metadata().generation());
        assertThat(deployment().status().availableReplicas()).isEqualTo(3);
        assertThat(rollout().status().message()).isEqualTo("deployment \"web\" successfully rolled out");
    }

    @Test
    void scalesItsOnlyReplicaSet() {
        h.client.deployments().create(web(3).build());
        rollOut();
        rollout().scale(5);
        h.settle();
        assertThat(h.activePods(WEB)).hasSize(5);
        rollout().scale(2);
        h.settle();
        assertThat(h.activePods(WEB)).hasSize(2);
        assertThat(sets()).singleElement().satisfies(rs -> assertThat(rs.metadata().annotations())
                .containsEntry(DeploymentAnnotations.DESIRED_REPLICAS, "2"));
    }

    @Test
    void recreateRemovesEveryOldPodBeforeCreatingNewOnes() {
        h.client.deployments().create(web(3).recreate().build());
        rollOut();
        h.afterEachReconcile(() -> {
            List<Pod> all = h.list(Pod.TYPE);
            boolean anyNew = all.stream().anyMatch(p -> image(p).equals("nginx:2.0"));
            boolean anyOld = all.stream().anyMatch(p -> image(p).equals("nginx:1.0"));
            assertThat(anyNew && anyOld).as("old and new pods at once").isFalse();
        });
        setImage("nginx:2.0");
        h.settle();

        assertThat(sets()).singleElement().satisfies(rs -> assertThat(rs.spec().replicas()).isZero());
        assertThat(h.list(Pod.TYPE)).hasSize(3).allSatisfy(p -> assertThat(p.metadata().isDeleting()).isTrue());
        h.settle();
        assertThat(sets()).hasSize(1);

        h.finishTerminating();
        h.settle();
        assertThat(sets()).hasSize(2);
        assertThat(h.activePods(WEB)).hasSize(3).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:2.0"));
        rollOut();
    }

    @Test
    void keepsRevisionHistoryAndCleansUpBeyondTheLimit() {
        h.client.deployments().create(web(2).revisionHistoryLimit(2).build());
        rollOut();
        for (int v = 2; v <= 5; v++) {
            int version = v;
            update(b -> b.annotation(DeploymentAnnotations.CHANGE_CAUSE, "image " + version)
                    .container("app", c -> c.image("nginx:" + version + ".0")));
            rollOut();
        }
        h.settle();
        assertThat(sets()).extracting(rs -> rs.metadata().annotations().get(DeploymentAnnotations.REVISION))
                .containsExactly("3", "4", "5");
        assertThat(sets()).extracting(rs -> rs.spec().replicas()).containsExactly(0, 0, 2);
        assertThat(deployment().metadata().annotations()).containsEntry(DeploymentAnnotations.REVISION, "5");
        assertThat(rollout().history()).extracting(RolloutRevision::changeCause)
                .containsExactly("image 3", "image 4", "image 5");

        rollout().undo(3);
        rollOut();
        assertThat(h.activePods(WEB)).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:3.0"));
        ReplicaSet rolledBack = sets().getLast();
        assertThat(rolledBack.metadata().annotations()).containsEntry(DeploymentAnnotations.REVISION, "6")
                .containsEntry(DeploymentAnnotations.REVISION_HISTORY, "3");
        assertThat(deployment().metadata().annotations()).containsEntry(DeploymentAnnotations.CHANGE_CAUSE,
                "image 3");
        assertThatThrownBy(() -> rollout().undo(42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsProgressDeadlineExceededWhenTheRolloutStalls() {
        h.client.deployments().create(web(2).progressDeadlineSeconds(30).build());
        rollOut();
        setImage("nginx:broken");
        h.settle();
        assertThat(condition(DeploymentCondition.PROGRESSING)).isEqualTo("True/ReplicaSetUpdated");
        Result next = h.reconcileDeployment("default", "web");
        assertThat(next).isEqualTo(Result.requeueAfter(Duration.ofSeconds(31)));

        h.clock.advance(Duration.ofSeconds(20));
        h.settle();
        assertThat(condition(DeploymentCondition.PROGRESSING)).isEqualTo("True/ReplicaSetUpdated");
        h.clock.advance(Duration.ofSeconds(11));
        h.settle();
        assertThat(condition(DeploymentCondition.PROGRESSING)).isEqualTo("False/ProgressDeadlineExceeded");
        assertThat(rollout().status()).isEqualTo(new RolloutStatus(false, true,
                "deployment \"web\" exceeded its progress deadline"));

        setImage("nginx:1.0");
        rollOut();
        assertThat(condition(DeploymentCondition.PROGRESSING)).isEqualTo("True/NewReplicaSetAvailable");
    }

    @Test
    void pausedDeploymentsScaleButDoNotRollOut() {
        h.client.deployments().create(web(2).build());
        rollOut();
        rollout().pause();
        setImage("nginx:2.0");
        h.settle();
        assertThat(sets()).hasSize(1);
        assertThat(condition(DeploymentCondition.PROGRESSING)).isEqualTo("Unknown/DeploymentPaused");
        assertThatThrownBy(() -> rollout().undo()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rollout().restart()).isInstanceOf(IllegalStateException.class);

        rollout().scale(4);
        h.settle();
        assertThat(h.activePods(WEB)).hasSize(4).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:1.0"));

        rollout().resume();
        h.reconcileDeployment("default", "web");
        assertThat(condition(DeploymentCondition.PROGRESSING)).isIn("Unknown/DeploymentResumed",
                "True/NewReplicaSetCreated");
        rollOut();
        assertThat(h.activePods(WEB)).hasSize(4).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:2.0"));
    }

    @Test
    void restartReplacesEveryPod() {
        h.client.deployments().create(web(3).build());
        rollOut();
        List<String> before = h.activePods(WEB).stream().map(p -> p.metadata().name()).toList();
        rollout().restart();
        assertThat(deployment().spec().template().metadata().annotations())
                .containsKey(DeploymentAnnotations.RESTARTED_AT);
        rollOut();
        assertThat(h.activePods(WEB)).hasSize(3).extracting(p -> p.metadata().name())
                .doesNotContainAnyElementsOf(before);
    }

    @Test
    void scalingDuringARolloutIsProportional() {
        h.client.deployments().create(web(10).rollingUpdate(IntOrString.of(3), IntOrString.of(2)).build());
        rollOut();
        setImage("nginx:2.0");
        for (int i = 0; i < 5; i++) {
            h.settle();
            h.finishTerminating();
        }
        assertThat(sets()).extracting(rs -> rs.spec().replicas()).containsExactly(8, 5);

        rollout().scale(15);
        h.settle();
        // Kubernetes' documented example: of the 5 new replicas, 3 go to the old ReplicaSet and 2 to the new one.
        assertThat(sets()).extracting(rs -> rs.spec().replicas()).containsExactly(11, 7);
        rollOut();
        assertThat(h.activePods(WEB)).hasSize(15).allSatisfy(p -> assertThat(image(p)).isEqualTo("nginx:2.0"));
    }

    @Test
    void adoptsOrphanReplicaSetsItsSelectorMatches() {
        Deployment d = web(2).build();
        h.client.deployments().create(d);
        h.settle();
        ReplicaSet rs = sets().getFirst();
        h.client.replicaSets().update("default", rs.metadata().name(),
                r -> r.withMetadata(r.metadata().toBuilder().ownerReferences(List.of()).build()));
        h.settle();
        assertThat(sets()).singleElement().satisfies(r -> assertThat(r.metadata().controllerReference())
                .isPresent());
    }

    private static String image(Pod pod) {
        return pod.spec().containers().getFirst().image();
    }
}

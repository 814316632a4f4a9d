package io.flotilla.core.controllers.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.Rollout;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.controllers.replicaset.WorkloadHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 7's acceptance test: a rolling update of 10 replicas checked at every step (after every single reconcile
 * and every readiness change): never more than {@code replicas + maxSurge} pods, never fewer than
 * {@code replicas - maxUnavailable} available; then {@code undo} restores the previous template under the same
 * bounds.
 */
class RollingUpdateTest {
    private static final LabelSelector WEB = LabelSelector.matchLabel("app", "web");
    private final WorkloadHarness h = new WorkloadHarness();
    private int maxPods;
    private int minAvailable;
    private boolean checking;
    private int checks;

    @AfterEach
    void close() {
        h.close();
    }

    @ParameterizedTest(name = "maxSurge={0}, maxUnavailable={1}")
    @CsvSource({"1,0", "0,1", "25%,25%"})
    void rollsOutAndBackWithinTheBoundsAtEveryStep(String surge, String unavailable) {
        Rollout.Bounds bounds = Rollout.resolve(value(surge), value(unavailable), 10);
        maxPods = 10 + bounds.maxSurge();
        minAvailable = 10 - bounds.maxUnavailable();
        h.client.deployments().create(Deployment.named("web").replicas(10)
                .container("app", c -> c.image("nginx:1.0"))
                .rollingUpdate(value(surge), value(unavailable)).build());
        rollOut();
        assertThat(images()).containsOnly("nginx:1.0").hasSize(10);

        checking = true;
        h.afterEachReconcile(this::checkBounds);
        setImage("nginx:2.0");
        int steps = rollOut();
        assertThat(images()).containsOnly("nginx:2.0").hasSize(10);
        assertThat(steps).isGreaterThanOrEqualTo(10);

        Deployment undone = rollout().undo();
        assertThat(undone.spec().template().spec().containers().getFirst().image()).isEqualTo("nginx:1.0");
        rollOut();
        assertThat(images()).containsOnly("nginx:1.0").hasSize(10);
        assertThat(rollout().history()).extracting(RolloutRevision::revision).containsExactly(2L, 3L);
        assertThat(checks).isGreaterThan(50);
    }

    @Test
    void aBlockedRolloutNeverGoesBelowTheMinimumAvailable() {
        maxPods = 13;
        minAvailable = 8;
        h.client.deployments().create(Deployment.named("web").replicas(10)
                .container("app", c -> c.image("nginx:1.0")).rollingUpdate(IntOrString.of(3), IntOrString.of(2))
                .build());
        rollOut();
        checking = true;
        h.afterEachReconcile(this::checkBounds);
        setImage("nginx:broken");
        for (int i = 0; i < 5; i++) {
            h.settle();
            h.finishTerminating();
        }
        List<ReplicaSet> sets = h.list(ReplicaSet.TYPE);
        assertThat(sets).extracting(rs -> rs.spec().replicas()).containsExactlyInAnyOrder(8, 5);
        assertThat(h.activePods(WEB)).hasSize(13);
    }

    /** Steps until the rollout is complete: settle, remove terminated pods, make one new pod ready. */
    private int rollOut() {
        for (int step = 0; step < 200; step++) {
            h.settle();
            h.finishTerminating();
            checkBounds();
            if (rollout().status().complete()) {
                return step;
            }
            if (!h.markReady(1, p -> true).isEmpty()) {
                checkBounds();
            }
        }
        throw new AssertionError("rollout did not complete: " + rollout().status());
    }

    private void checkBounds() {
        if (!checking) {
            return;
        }
        checks++;
        List<Pod> active = h.activePods(WEB);
        long available = active.stream().filter(Pod::isReady).count();
        assertThat(active.size()).as("pods (at most replicas + maxSurge)").isLessThanOrEqualTo(maxPods);
        assertThat(available).as("available pods (at least replicas - maxUnavailable)")
                .isGreaterThanOrEqualTo(minAvailable);
    }

    private static IntOrString value(String text) {
        return text.endsWith("%") ? IntOrString.of(text) : IntOrString.of(Integer.parseInt(text));
    }

    private void setImage(String image) {
        h.client.deployments().update("web", d -> d.toBuilder().container("app", c -> c.image(image)).build());
    }

    private List<String> images() {
        return h.activePods(WEB).stream().map(p -> p.spec().containers().getFirst().image()).toList();
    }

    private DeploymentRollout rollout() {
        return DeploymentRollout.of(h.client, h.clock, "default", "web");
    }
}

package io.flotilla.core.controllers.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.WorkloadCondition;
import io.flotilla.api.autoscaling.HorizontalPodAutoscaler;
import io.flotilla.api.autoscaling.HorizontalPodAutoscalerStatus;
import io.flotilla.api.autoscaling.ScalingPolicy;
import io.flotilla.api.autoscaling.ScalingRules;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.controllers.replicaset.WorkloadHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The autoscaler on a virtual clock: every step is one sync period (15 s): the autoscaler runs, the workload
 * controllers settle, new pods become ready. Load is a total amount of cpu spread evenly over the ready pods.
 */
class HorizontalPodAutoscalerControllerTest {
    private static final LabelSelector WEB = LabelSelector.matchLabel("app", "web");
    private long totalMillicores = 700;
    private final Set<String> silent = new HashSet<>();
    private boolean metricsUp = true;
    private final WorkloadHarness h = new WorkloadHarness(this::usage);

    @AfterEach
    void close() {
        h.close();
    }

    /** The fake metrics source: the total load split over the ready pods, sampled now over a 15 s window. */
    private Map<String, PodMetricsSource.PodMetric> usage(String namespace, LabelSelector selector, String resource,
                                                         String container) {
        if (!metricsUp) {
            throw new PodMetricsSource.Unavailable("metrics server down");
        }
        List<Pod> ready = h.activePods(selector).stream().filter(Pod::isReady).toList();
        Map<String, PodMetricsSource.PodMetric> out = new HashMap<>();
        for (Pod pod : ready) {
            if (!silent.contains(pod.metadata().name())) {
                out.put(pod.metadata().name(), new PodMetricsSource.PodMetric(
                        totalMillicores / ready.size(), h.clock.now(), Duration.ofSeconds(15)));
            }
        }
        return out;
    }

    private void deploy(int replicas) {
        h.client.deployments().create(Deployment.named("web").replicas(replicas)
                .container("app", c -> c.image("nginx:1.0").resources(r -> r.cpu("100m"))).build());
        h.settle();
        h.markReady(100, p -> true);
        h.settle();
        h.clock.advance(Duration.ofSeconds(30));
    }

    private void autoscale(UnaryOperator<HorizontalPodAutoscaler.Builder> spec) {
        h.client.horizontalPodAutoscalers().create(spec.apply(HorizontalPodAutoscaler.named("web")
                .target(Deployment.TYPE, "web").minReplicas(1).maxReplicas(20).cpuUtilization(50)).build());
    }

    /** One sync period: the autoscaler, then the controllers and the pods; returns the Deployment's replicas. */
    private int step() {
        h.clock.advance(Duration.ofSeconds(15));
        h.syncAutoscalers();
        h.settle();
        h.markReady(100, p -> true);
        h.settle();
        return replicas();
    }

    private int replicas() {
        return h.client.deployments().get("web").orElseThrow().spec().replicas();
    }

    private HorizontalPodAutoscalerStatus status() {
        return h.client.horizontalPodAutoscalers().get("web").orElseThrow().status();
    }

    private String condition(String type) {
        return status().conditions().stream().filter(c -> c.type().equals(type)).findFirst()
                .map(c -> c.status() + "/" + c.reason()).orElse("none");
    }

    @Test
    void convergesToTheFormulasAnswerWithoutFlapping() {
        deploy(2);
        autoscale(b -> b);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sizes.add(step());
        }
        // ceil(2 × 350% / 50%) = 14; the way there is limited to doubling (or +4) per sync, and never goes back.
        assertThat(sizes.getLast()).isEqualTo(14);
        assertThat(sizes).isSorted();
        assertThat(sizes.subList(20, 60)).containsOnly(14);
        assertThat(h.activePods(WEB)).hasSize(14);
        assertThat(status().desiredReplicas()).isEqualTo(14);
        assertThat(status().currentMetrics().getFirst().resource().current().averageUtilization()).isEqualTo(50);
        assertThat(condition("ScalingActive")).isEqualTo("True/ValidMetricFound");
        assertThat(condition("AbleToScale")).isEqualTo("True/ReadyForNewScale");
    }

    @Test
    void ignoresChangesWithinTheTolerance() {
        totalMillicores = 216; // 4 pods at 54% of a 50% target: 1.08, within 10%
        deploy(4);
        autoscale(b -> b);
        for (int i = 0; i < 10; i++) {
            assertThat(step()).isEqualTo(4);
        }
        totalMillicores = 224; // 56%: 1.12, outside
        assertThat(step()).isEqualTo(5);
    }

    @Test
    void keepsWithinMinAndMax() {
        totalMillicores = 5000;
        deploy(1);
        autoscale(b -> b.minReplicas(2).maxReplicas(6));
        assertThat(step()).isEqualTo(2); // below min: straight to min
        assertThat(step()).isEqualTo(4); // limited to doubling
        assertThat(condition("ScalingLimited")).isEqualTo("True/ScaleUpLimit");
        for (int i = 0; i < 5; i++) {
            step();
        }
        assertThat(replicas()).isEqualTo(6);
        assertThat(condition("ScalingLimited")).isEqualTo("True/TooManyReplicas");
        h.client.deployments().update("web", d -> d.withSpec(d.spec().withReplicas(9)));
        assertThat(step()).isEqualTo(6); // above max: straight to max
    }

    @Test
    void waitsOutTheScaleDownStabilizationWindow() {
        totalMillicores = 400;
        deploy(8);
        autoscale(b -> b);
        assertThat(step()).isEqualTo(8);
        totalMillicores = 100; // wants 2
        int steps = 0;
        while (replicas() == 8 && steps < 40) {
            step();
            steps++;
        }
        // the recommendation of 8 made at the first sync counts while it is at most 300 s old: 20 more syncs
        assertThat(steps).isEqualTo(21);
        assertThat(replicas()).isEqualTo(2);
        assertThat(h.client.horizontalPodAutoscalers().get("web").orElseThrow().status().lastScaleTime())
                .isEqualTo(h.clock.now());
    }

    @Test
    void followsBehaviorPolicies() {
        totalMillicores = 1000;
        deploy(2);
        autoscale(b -> b.scaleUp(new ScalingRules(0, ScalingRules.MAX, List.of(ScalingPolicy.pods(1, 60))))
                .scaleDown(new ScalingRules(0, ScalingRules.DISABLED, List.of(ScalingPolicy.percent(100, 15)))));
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sizes.add(step());
        }
        // one pod per 60 s: at most one more every 4 sync periods
        assertThat(sizes).containsExactly(3, 3, 3, 3, 4, 4, 4, 4);
        assertThat(condition("ScalingLimited")).isEqualTo("True/ScaleUpLimit");

        totalMillicores = 10;
        for (int i = 0; i < 30; i++) {
            assertThat(step()).isEqualTo(4); // scale-down disabled
        }
    }

    @Test
    void treatsMissingMetricsConservativelyOnAScaleDown() {
        totalMillicores = 80; // 20m per pod over 4 pods: 20% of request, target 50%
        deploy(4);
        autoscale(b -> b.scaleDown(new ScalingRules(0, ScalingRules.MAX, List.of(ScalingPolicy.percent(100, 15)))));
        silent.add(h.activePods(WEB).getFirst().metadata().name());
        // three pods report 20% (26m each: 80m over 3), the fourth counts as using its whole request:
        // (3 × 26 + 100) / 400 = 44% → ratio 0.89 → ceil(0.89 × 4) = 4, not ceil(0.53 × 3) = 2
        assertThat(step()).isEqualTo(4);
        silent.clear();
        assertThat(step()).isEqualTo(2);
    }

    @Test
    void reportsWhenMetricsAreUnavailable() {
        deploy(2);
        metricsUp = false;
        autoscale(b -> b);
        assertThat(step()).isEqualTo(2);
        assertThat(condition("ScalingActive")).isEqualTo("False/FailedGetResourceMetric");
        assertThat(status().conditions()).filteredOn(c -> c.type().equals("ScalingActive"))
                .singleElement().extracting(WorkloadCondition::message).asString().contains("metrics server down");
    }

    @Test
    void aLaterApplyWithoutReplicasKeepsTheAutoscalersChoice() {
        h.api.apply(Deployment.named("web").container("app", c -> c.image("nginx:1.0")
                .resources(r -> r.cpu("100m"))).build(), "user");
        h.settle();
        h.markReady(100, p -> true);
        h.settle();
        totalMillicores = 200;
        autoscale(b -> b);
        h.clock.advance(Duration.ofSeconds(30));
        assertThat(step()).isEqualTo(4);

        h.api.apply(Deployment.named("web").container("app", c -> c.image("nginx:1.1")
                .resources(r -> r.cpu("100m"))).build(), "user");
        assertThat(replicas()).isEqualTo(4);
        assertThat(h.client.deployments().get("web").orElseThrow().spec().template().spec().containers()
                .getFirst().image()).isEqualTo("nginx:1.1");
    }
}

package io.flotilla.core.controllers.hpa;

import io.flotilla.api.autoscaling.HorizontalPodAutoscalerBehavior;
import io.flotilla.api.autoscaling.ScalingPolicy;
import io.flotilla.api.autoscaling.ScalingRules;
import java.util.List;

/**
 * Kubernetes' defaults for {@code spec.behavior} ({@code GenerateHPAScaleUpRules}/{@code ...ScaleDownRules}): a
 * rule left out takes the default, a field left out of a rule takes the default's. Scale-up: no stabilization,
 * {@code Max} of 4 pods or 100% per 15 s. Scale-down: the 300 s window, {@code Max} of 100% per 15 s. Stateless.
 */
final class Behaviors {
    /** Kubernetes' {@code --horizontal-pod-autoscaler-downscale-stabilization}. */
    static final int DOWNSCALE_STABILIZATION_SECONDS = 300;

    static final ScalingRules DEFAULT_UP = new ScalingRules(0, ScalingRules.MAX,
            List.of(ScalingPolicy.pods(4, 15), ScalingPolicy.percent(100, 15)));
    static final ScalingRules DEFAULT_DOWN = new ScalingRules(DOWNSCALE_STABILIZATION_SECONDS, ScalingRules.MAX,
            List.of(ScalingPolicy.percent(100, 15)));

    private Behaviors() {
    }

    /** The behavior with every default filled in. */
    static HorizontalPodAutoscalerBehavior withDefaults(HorizontalPodAutoscalerBehavior behavior) {
        return new HorizontalPodAutoscalerBehavior(merge(behavior.scaleUp(), DEFAULT_UP),
                merge(behavior.scaleDown(), DEFAULT_DOWN));
    }

    private static ScalingRules merge(ScalingRules rules, ScalingRules defaults) {
        if (rules == null) {
            return defaults;
        }
        return new ScalingRules(
                rules.stabilizationWindowSeconds() != null ? rules.stabilizationWindowSeconds()
                        : defaults.stabilizationWindowSeconds(),
                rules.selectPolicy() != null ? rules.selectPolicy() : defaults.selectPolicy(),
                rules.policies().isEmpty() ? defaults.policies() : rules.policies());
    }
}

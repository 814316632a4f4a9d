package io.flotilla.core.controllers.hpa;

import io.flotilla.api.autoscaling.HorizontalPodAutoscalerBehavior;
import java.time.Instant;

/**
 * From the metrics' proposal to the size to set, as Kubernetes' {@code normalizeDesiredReplicas} (no
 * {@code behavior}: the highest recommendation of the 300 s window, at most twice the current size or 4, within
 * min/max) and {@code normalizeDesiredReplicasWithBehaviors} (both stabilization windows, then the policies' rate
 * limits, within min/max). Sets {@code AbleToScale} and {@code ScalingLimited}. Stateless.
 */
final class Normalization {
    private static final double SCALE_UP_LIMIT_FACTOR = 2.0;
    private static final double SCALE_UP_LIMIT_MINIMUM = 4.0;

    private Normalization() {
    }

    static int withoutBehavior(Recommendations recs, int current, int proposed, int min, int max, Instant now,
                               HpaConditions conditions) {
        int stabilized = recs.stabilizeDown(proposed, Behaviors.DOWNSCALE_STABILIZATION_SECONDS, now);
        stabilizedCondition(conditions, stabilized != proposed, "ScaleDownStabilized",
                "recent recommendations were higher than current one, applying the highest recent recommendation");
        int upLimit = (int) Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM);
        int maximum;
        String reason;
        String message;
        if (max > upLimit) {
            maximum = upLimit;
            reason = "ScaleUpLimit";
            message = "the desired replica count is increasing faster than the maximum scale rate";
        } else {
            maximum = max;
            reason = "TooManyReplicas";
            message = "the desired replica count is more than the maximum replica count";
        }
        int desired = stabilized;
        if (stabilized < min) {
            desired = min;
            reason = "TooFewReplicas";
            message = "the desired replica count is less than the minimum replica count";
        } else if (stabilized > maximum) {
            desired = maximum;
        }
        limitedCondition(conditions, desired, stabilized, reason, message);
        return desired;
    }

    static int withBehavior(Recommendations recs, HorizontalPodAutoscalerBehavior behavior, int current,
                            int proposed, int min, int max, Instant now, HpaConditions conditions) {
        Recommendations.Stabilized s = recs.stabilize(current, proposed, behavior, now);
        stabilizedCondition(conditions, s.replicas() != proposed, s.reason(), s.message());
        int stabilized = s.replicas();
        int desired = stabilized;
        String reason = "";
        String message = "";
        if (stabilized > current) {
            int upLimit = Math.max(current, recs.scaleUpLimit(current, behavior.scaleUp(), now));
            int maximum = Math.min(max, upLimit);
            reason = max > upLimit ? "ScaleUpLimit" : "TooManyReplicas";
            message = max > upLimit ? "the desired replica count is increasing faster than the maximum scale rate"
                    : "the desired replica count is more than the maximum replica count";
            desired = Math.min(stabilized, maximum);
        } else if (stabilized < current) {
            int downLimit = Math.min(current, recs.scaleDownLimit(current, behavior.scaleDown(), now));
            int minimum = Math.max(min, downLimit);
            reason = min < downLimit ? "ScaleDownLimit" : "TooFewReplicas";
            message = min < downLimit ? "the desired replica count is decreasing faster than the maximum scale rate"
                    : "the desired replica count is less than the minimum replica count";
            desired = Math.max(stabilized, minimum);
        }
        limitedCondition(conditions, desired, stabilized, reason, message);
        return desired;
    }

    private static void stabilizedCondition(HpaConditions conditions, boolean stabilized, String reason,
                                            String message) {
        if (stabilized) {
            conditions.set(HpaConditions.ABLE_TO_SCALE, true, reason, message);
        } else {
            conditions.set(HpaConditions.ABLE_TO_SCALE, true, "ReadyForNewScale",
                    "recommended size matches current size");
        }
    }

    private static void limitedCondition(HpaConditions conditions, int desired, int stabilized, String reason,
                                         String message) {
        if (desired != stabilized) {
            conditions.set(HpaConditions.SCALING_LIMITED, true, reason, message);
        } else {
            conditions.set(HpaConditions.SCALING_LIMITED, false, "DesiredWithinRange",
                    "the desired count is within the acceptable range");
        }
    }
}

package io.flotilla.core.controllers.hpa;

import io.flotilla.api.autoscaling.HorizontalPodAutoscalerBehavior;
import io.flotilla.api.autoscaling.ScalingPolicy;
import io.flotilla.api.autoscaling.ScalingRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

/*
 * Design notes: the memory of one autoscaler, as the Kubernetes controller keeps it per HPA key: the recent
 * (unstabilized) recommendations, and the recent scale events (for the behavior rate limits). Everything is judged
 * against the injected clock's "now", so windows and periods are exact in virtual-time tests. Samples older than any
 * window in use are pruned instead of Kubernetes' reuse of outdated slots; the answers are the same.
 */
final class Recommendations {
    private record Sample(int replicas, Instant at) {
    }

    private record ScaleEvent(int change, Instant at) {
    }

    /** A stabilized recommendation and why it differs from the raw one, if it does. */
    record Stabilized(int replicas, String reason, String message) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final List<ScaleEvent> ups = new ArrayList<>();
    private final List<ScaleEvent> downs = new ArrayList<>();

    /** Seeds the history with the current size the first time an autoscaler is seen. */
    synchronized void recordInitial(int current, Instant now) {
        if (samples.isEmpty()) {
            samples.add(new Sample(current, now));
        }
    }

    /**
     * Without {@code behavior}: the highest recommendation of the last {@code windowSeconds} (so scale-downs wait
     * out the window), recording {@code desired}.
     */
    synchronized int stabilizeDown(int desired, int windowSeconds, Instant now) {
        Instant cutoff = now.minusSeconds(windowSeconds);
        int max = desired;
        for (Sample s : samples) {
            if (!s.at().isBefore(cutoff)) {
                max = Math.max(max, s.replicas());
            }
        }
        samples.removeIf(s -> s.at().isBefore(cutoff));
        samples.add(new Sample(desired, now));
        return max;
    }

    /**
     * With {@code behavior}: the current size moved toward {@code desired} no further than every recommendation of
     * the scale-up window allows upward and every one of the scale-down window allows downward; records
     * {@code desired}.
     */
    synchronized Stabilized stabilize(int current, int desired, HorizontalPodAutoscalerBehavior behavior,
                                      Instant now) {
        Instant upCutoff = now.minusSeconds(behavior.scaleUp().stabilizationWindowSeconds());
        Instant downCutoff = now.minusSeconds(behavior.scaleDown().stabilizationWindowSeconds());
        int up = desired;
        int down = desired;
        for (Sample s : samples) {
            if (s.at().isAfter(upCutoff)) {
                up = Math.min(up, s.replicas());
            }
            if (s.at().isAfter(downCutoff)) {
                down = Math.max(down, s.replicas());
            }
        }
        int recommendation = Math.min(Math.max(current, up), down);
        samples.removeIf(s -> s.at().isBefore(upCutoff) && s.at().isBefore(downCutoff));
        samples.add(new Sample(desired, now));
        return desired >= current
                ? new Stabilized(recommendation, "ScaleUpStabilized",
                        "recent recommendations were lower than current one, applying the lowest recent recommendation")
                : new Stabilized(recommendation, "ScaleDownStabilized",
                        "recent recommendations were higher than current one, applying the highest recent"
                                + " recommendation");
    }

    /** The most replicas the scale-up policies allow now ({@code calculateScaleUpLimitWithScalingRules}). */
    synchronized int scaleUpLimit(int current, ScalingRules rules, Instant now) {
        if (ScalingRules.DISABLED.equals(rules.selectPolicy())) {
            return current;
        }
        boolean min = ScalingRules.MIN.equals(rules.selectPolicy());
        IntBinaryOperator select = min ? Math::min : Math::max;
        int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (ScalingPolicy p : rules.policies()) {
            int start = periodStart(current, p.periodSeconds(), now);
            int proposed = ScalingPolicy.PODS.equals(p.type()) ? start + p.value()
                    : (int) Math.ceil(start * (1 + p.value() / 100.0));
            result = select.applyAsInt(result, proposed);
        }
        return result;
    }

    /** The fewest replicas the scale-down policies allow now ({@code calculateScaleDownLimitWithBehaviors}). */
    synchronized int scaleDownLimit(int current, ScalingRules rules, Instant now) {
        if (ScalingRules.DISABLED.equals(rules.selectPolicy())) {
            return current;
        }
        boolean min = ScalingRules.MIN.equals(rules.selectPolicy());
        IntBinaryOperator select = min ? Math::max : Math::min;
        int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (ScalingPolicy p : rules.policies()) {
            int start = periodStart(current, p.periodSeconds(), now);
            int proposed = ScalingPolicy.PODS.equals(p.type()) ? start - p.value()
                    : (int) (start * (1 - p.value() / 100.0));
            result = select.applyAsInt(result, proposed);
        }
        return result;
    }

    /** The size at the start of the policy's period: current, less what was added, plus what was removed. */
    private int periodStart(int current, int periodSeconds, Instant now) {
        Instant cutoff = now.minusSeconds(periodSeconds);
        int added = ups.stream().filter(e -> e.at().isAfter(cutoff)).mapToInt(ScaleEvent::change).sum();
        int removed = downs.stream().filter(e -> e.at().isAfter(cutoff)).mapToInt(ScaleEvent::change).sum();
        return current - added + removed;
    }

    /** Records a rescale for the rate limits (only autoscalers with {@code behavior} use them). */
    synchronized void recordScale(HorizontalPodAutoscalerBehavior behavior, int from, int to, Instant now) {
        if (behavior == null || from == to) {
            return;
        }
        boolean up = to > from;
        List<ScaleEvent> events = up ? ups : downs;
        int longest = (up ? behavior.scaleUp() : behavior.scaleDown()).policies().stream()
                .mapToInt(ScalingPolicy::periodSeconds).max().orElse(0);
        Instant cutoff = now.minusSeconds(longest);
        events.removeIf(e -> e.at().isBefore(cutoff));
        events.add(new ScaleEvent(Math.abs(to - from), now));
    }
}

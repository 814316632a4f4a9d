package io.flotilla.core.controllers.hpa;

import io.flotilla.api.apps.WorkloadCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The conditions of one autoscaler status being built, with Kubernetes' {@code setCondition} rule: a condition
 * replaces the one of its type in place (keeping its transition time when the status is unchanged) or is appended.
 * Not thread-safe; one per reconcile.
 */
final class HpaConditions {
    static final String ABLE_TO_SCALE = "AbleToScale";
    static final String SCALING_ACTIVE = "ScalingActive";
    static final String SCALING_LIMITED = "ScalingLimited";

    private final List<WorkloadCondition> conditions;
    private final Instant now;

    HpaConditions(List<WorkloadCondition> existing, Instant now) {
        this.conditions = new ArrayList<>(existing);
        this.now = now;
    }

    void set(String type, boolean status, String reason, String message) {
        String value = status ? WorkloadCondition.TRUE : WorkloadCondition.FALSE;
        for (int i = 0; i < conditions.size(); i++) {
            WorkloadCondition c = conditions.get(i);
            if (c.type().equals(type)) {
                Instant transition = Objects.equals(c.status(), value) && c.lastTransitionTime() != null
                        ? c.lastTransitionTime() : now;
                conditions.set(i, new WorkloadCondition(type, value, transition, reason, message));
                return;
            }
        }
        conditions.add(new WorkloadCondition(type, value, now, reason, message));
    }

    List<WorkloadCondition> list() {
        return List.copyOf(conditions);
    }
}

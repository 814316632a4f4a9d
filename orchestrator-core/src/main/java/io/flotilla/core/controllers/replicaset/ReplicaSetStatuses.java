package io.flotilla.core.controllers.replicaset;

import io.flotilla.api.apps.DeploymentCondition;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.ReplicaSetStatus;
import io.flotilla.api.apps.WorkloadCondition;
import io.flotilla.api.core.Pod;
import io.flotilla.core.controllers.support.Pods;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A ReplicaSet's status from its claimed active pods, as Kubernetes' {@code calculateStatus}: replicas,
 * fully labeled (carrying every template label), ready and available ({@code minReadySeconds}) counts, the observed
 * generation, and the {@code ReplicaFailure} condition while creating or deleting pods fails. Stateless.
 */
final class ReplicaSetStatuses {
    private ReplicaSetStatuses() {
    }

    /** The ReplicaSet's {@code minReadySeconds}, 0 when unset. */
    static int minReadySeconds(ReplicaSet rs) {
        Integer seconds = rs.spec().minReadySeconds();
        return seconds == null ? 0 : seconds;
    }

    /** The status {@code rs} should report, given its pods and what the last scale step did. */
    static ReplicaSetStatus calculate(ReplicaSet rs, List<Pod> pods, PodWriter.Outcome outcome, Instant now) {
        Map<String, String> templateLabels = rs.spec().template() == null ? Map.of()
                : rs.spec().template().metadata().labels();
        int minReady = minReadySeconds(rs);
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (Pod pod : pods) {
            if (hasAll(pod.metadata().labels(), templateLabels)) {
                fullyLabeled++;
            }
            Optional<Duration> untilAvailable = Pods.availableIn(pod, minReady, now); // empty: not ready
            if (untilAvailable.isPresent()) {
                ready++;
                if (untilAvailable.get().isZero()) {
                    available++;
                }
            }
        }
        ReplicaSetStatus old = rs.status();
        List<WorkloadCondition> conditions = conditions(old == null ? List.of() : old.conditions(), outcome, now);
        return new ReplicaSetStatus(pods.size(), fullyLabeled, ready, available, rs.metadata().generation(),
                conditions);
    }

    /** Whether {@code labels} has every entry of {@code required} (a loop: this runs for every pod, every time). */
    private static boolean hasAll(Map<String, String> labels, Map<String, String> required) {
        for (Map.Entry<String, String> e : required.entrySet()) {
            String value = labels.get(e.getKey());
            if (!Objects.equals(value, e.getValue()) || value == null && !labels.containsKey(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** Sets {@code ReplicaFailure} when the scale step failed, clears it when it succeeded. */
    private static List<WorkloadCondition> conditions(List<WorkloadCondition> old, PodWriter.Outcome outcome,
                                                      Instant now) {
        boolean present = old.stream().anyMatch(c -> DeploymentCondition.REPLICA_FAILURE.equals(c.type()));
        if (outcome.failed() && !present) {
            List<WorkloadCondition> out = new ArrayList<>(old);
            String reason = outcome.diff() < 0 ? "FailedCreate" : "FailedDelete";
            out.add(new WorkloadCondition(DeploymentCondition.REPLICA_FAILURE, WorkloadCondition.TRUE, now, reason,
                    outcome.error()));
            return out;
        }
        if (!outcome.failed() && present) {
            return old.stream().filter(c -> !DeploymentCondition.REPLICA_FAILURE.equals(c.type())).toList();
        }
        return old;
    }
}

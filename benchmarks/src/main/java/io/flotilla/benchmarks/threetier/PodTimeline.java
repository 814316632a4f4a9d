package io.flotilla.benchmarks.threetier;

import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.core.Cluster;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where Flotilla's start-up time goes, pod by pod: from the status the cluster recorded, each pod's creation,
 * scheduling, sandbox ready ({@code PodReadyToStartContainers}), container start and Ready, as milliseconds after
 * a given start. Stateless.
 */
final class PodTimeline {
    private PodTimeline() {
    }

    /** One line per pod of {@code namespace}, ordered by creation: {@code name created/scheduled/sandbox/started/ready}. */
    static String of(Cluster cluster, String namespace, Instant start) {
        List<Pod> pods = cluster.client().pods().inNamespace(namespace).list().stream()
                .sorted(Comparator.comparing(p -> p.metadata().creationTimestamp())).toList();
        return pods.stream().map(p -> p.metadata().name() + " " + String.join("/",
                        ms(p.metadata().creationTimestamp(), start), ms(condition(p, "PodScheduled"), start),
                        ms(condition(p, "PodReadyToStartContainers"), start), ms(startedAt(p), start),
                        ms(condition(p, "Ready"), start)))
                .collect(Collectors.joining("; ", "pods created/scheduled/sandbox/started/ready (ms): ", ""));
    }

    private static Instant condition(Pod pod, String type) {
        if (pod.status() == null) {
            return null;
        }
        return pod.status().conditions().stream().filter(c -> c.type().equals(type) && "True".equals(c.status()))
                .map(PodCondition::lastTransitionTime).findFirst().orElse(null);
    }

    private static Instant startedAt(Pod pod) {
        if (pod.status() == null || pod.status().containerStatuses().isEmpty()) {
            return null;
        }
        ContainerStatus s = pod.status().containerStatuses().get(0);
        if (s.state() != null && s.state().running() != null) {
            return s.state().running().startedAt();
        }
        return s.state() != null && s.state().terminated() != null ? s.state().terminated().startedAt() : null;
    }

    private static String ms(Instant at, Instant start) {
        return at == null ? "-" : Long.toString(Duration.between(start, at).toMillis());
    }
}

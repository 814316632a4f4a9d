package io.flotilla.core.diagnostics;

import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The last log lines of one container for a report: the current attempt and, when it restarted, the previous one
 * too ({@code kubectl logs --previous}), since that is where a crash says why.
 */
final class ContainerLogs {
    private ContainerLogs() {
    }

    static String read(Cluster cluster, Pod p, ContainerStatus c, int lines) {
        String current = current(cluster, p, c, lines);
        if (c.effectiveRestartCount() == 0) {
            return current;
        }
        return "--- previous attempt ---\n" + previous(cluster, p, c, lines) + "--- current attempt ---\n" + current;
    }

    private static String current(Cluster cluster, Pod p, ContainerStatus c, int lines) {
        try {
            String text = cluster.pod(p.metadata().namespace(), p.metadata().name())
                    .logs(c.name(), LogOptions.all().withTail(lines));
            return text.isEmpty() ? "(no output)\n" : text;
        } catch (RuntimeException e) {
            return "(no logs: " + e.getMessage() + ")\n";
        }
    }

    private static String previous(Cluster cluster, Pod p, ContainerStatus c, int lines) {
        try {
            NodeAgent agent = p.nodeName() == null ? null : cluster.nodes().agent(p.nodeName()).orElse(null);
            if (agent == null) {
                return "(no logs: the pod's node has no agent)\n";
            }
            ContainerRuntime runtime = agent.runtime();
            List<RuntimeContainer> attempts = runtime.listContainers(ContainerFilter.labels(Map.of(
                            RuntimeLabels.CLUSTER, cluster.id(), RuntimeLabels.POD_UID, p.metadata().uid(),
                            RuntimeLabels.CONTAINER_NAME, c.name()))).stream()
                    .sorted(Comparator.comparingInt((RuntimeContainer r) -> r.metadata().attempt()).reversed())
                    .toList();
            if (attempts.size() < 2) {
                return "(no logs: the previous attempt was removed)\n";
            }
            List<LogLine> log = runtime.readLogs(attempts.get(1).id(), LogOptions.all().withTail(lines));
            return log.isEmpty() ? "(no output)\n"
                    : log.stream().map(LogLine::text).collect(Collectors.joining("\n", "", "\n"));
        } catch (RuntimeException e) {
            return "(no logs: " + e.getMessage() + ")\n";
        }
    }
}

package io.flotilla.core.node;

import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runtime holds for one pod at one moment: per container name, its attempts, newest first, with the
 * status of the newest two (the current one and the one before, for {@code lastState}). Immutable.
 */
final class RuntimeView {
    private final Map<String, List<RuntimeContainerStatus>> byName;

    private RuntimeView(Map<String, List<RuntimeContainerStatus>> byName) {
        this.byName = byName;
    }

    /** A pod with no containers in the runtime. */
    static final RuntimeView EMPTY = new RuntimeView(Map.of());

    /** Lists the containers of pod {@code uid} (created by cluster {@code clusterId}) in {@code runtime}. */
    static RuntimeView of(ContainerRuntime runtime, String clusterId, String uid) {
        List<RuntimeContainer> containers = runtime.listContainers(ContainerFilter.labels(
                Map.of(RuntimeLabels.CLUSTER, clusterId, RuntimeLabels.POD_UID, uid)));
        Map<String, List<RuntimeContainer>> grouped = new HashMap<>();
        for (RuntimeContainer c : containers) {
            grouped.computeIfAbsent(c.metadata().name(), n -> new ArrayList<>()).add(c);
        }
        Map<String, List<RuntimeContainerStatus>> byName = new HashMap<>();
        grouped.forEach((name, list) -> {
            list.sort(Comparator.comparingInt((RuntimeContainer c) -> c.metadata().attempt()).reversed());
            List<RuntimeContainerStatus> statuses = new ArrayList<>(2);
            for (RuntimeContainer c : list) {
                if (statuses.size() == 2) {
                    break;
                }
                try {
                    statuses.add(runtime.containerStatus(c.id()));
                } catch (ContainerRuntimeException.NotFound gone) {
                    // removed between the listing and now
                }
            }
            byName.put(name, List.copyOf(statuses));
        });
        return new RuntimeView(byName);
    }

    /** The newest attempt of container {@code name}, or {@code null}. */
    RuntimeContainerStatus latest(String name) {
        List<RuntimeContainerStatus> list = byName.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** The attempt before the newest, or {@code null}. */
    RuntimeContainerStatus previous(String name) {
        List<RuntimeContainerStatus> list = byName.get(name);
        return list == null || list.size() < 2 ? null : list.get(1);
    }

    /** The ids of running containers. */
    List<String> runningIds() {
        List<String> ids = new ArrayList<>();
        byName.values().forEach(list -> list.stream().filter(RuntimeView::running).forEach(s -> ids.add(s.id())));
        return ids;
    }

    static boolean running(RuntimeContainerStatus s) {
        return s != null && s.state() == ContainerRunState.RUNNING;
    }

    static boolean exited(RuntimeContainerStatus s) {
        return s != null && s.state() == ContainerRunState.EXITED;
    }
}

package io.flotilla.core.node;

import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.RuntimeVolume;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: each agent adopts or removes what carries its own node label (NodeAgent.start). What carries a
 * node label of this cluster that no current node has — a node of an earlier run of the same cluster id that is
 * not registered this time, such as a crashed process's second node on the same engine — is nobody's: without
 * this sweep it would stay forever. PersistentVolumeClaim volumes carry no node label and are never touched here:
 * like Kubernetes' PV data, they outlive pods and restarts.
 */

/** Removes, at start, the pods' runtime objects of nodes this cluster no longer has. Stateless; thread-safe. */
final class OrphanSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanSweeper.class);

    private OrphanSweeper() {
    }

    /**
     * Removes from every runtime in {@code runtimes} the sandboxes, containers and pod volumes labelled with
     * cluster {@code clusterId} and a node not in {@code nodes}. A runtime that fails is logged and skipped.
     *
     * @return how many objects were removed
     */
    static int sweep(String clusterId, Set<String> nodes, Collection<ContainerRuntime> runtimes) {
        Map<String, String> cluster = RuntimeLabels.cluster(clusterId);
        int removed = 0;
        for (ContainerRuntime runtime : distinct(runtimes)) {
            try {
                removed += sweep(runtime, cluster, nodes);
            } catch (RuntimeException e) {
                LOG.warn("could not look for leftovers of cluster {} in {}: {}", clusterId, runtime.endpoint(),
                        e.getMessage());
            }
        }
        return removed;
    }

    private static int sweep(ContainerRuntime runtime, Map<String, String> cluster, Set<String> nodes) {
        int removed = 0;
        for (PodSandbox s : runtime.listPodSandboxes(PodSandboxFilter.labels(cluster))) {
            if (orphan(s.labels(), nodes)) {
                runtime.removePodSandbox(s.id());
                removed++;
            }
        }
        for (RuntimeContainer c : runtime.listContainers(ContainerFilter.labels(cluster))) {
            if (orphan(c.labels(), nodes)) {
                runtime.removeContainer(c.id());
                removed++;
            }
        }
        for (RuntimeVolume v : runtime.listVolumes(cluster)) {
            if (orphan(v.labels(), nodes) && v.labels().containsKey(RuntimeLabels.POD_UID)) {
                runtime.removeVolume(v.name());
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("removed {} objects of cluster {} left in {} by nodes it no longer has",
                    removed, cluster.get(RuntimeLabels.CLUSTER), runtime.endpoint());
        }
        return removed;
    }

    private static boolean orphan(Map<String, String> labels, Set<String> nodes) {
        String node = labels.get(RuntimeLabels.NODE);
        return node != null && !nodes.contains(node);
    }

    private static Collection<ContainerRuntime> distinct(Collection<ContainerRuntime> runtimes) {
        Map<ContainerRuntime, Boolean> seen = new IdentityHashMap<>();
        runtimes.forEach(r -> seen.put(r, Boolean.TRUE));
        return seen.keySet();
    }
}

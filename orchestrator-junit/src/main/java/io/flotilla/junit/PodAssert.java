package io.flotilla.junit;

import io.flotilla.api.core.Pod;
import io.flotilla.core.Cluster;
import io.flotilla.core.diagnostics.PodStatuses;
import java.util.Optional;

/**
 * Assertions on one pod; see {@link EventualAssert} for {@code eventually} and failure messages. Not thread-safe.
 */
public final class PodAssert extends EventualAssert<PodAssert> {
    private final String name;

    PodAssert(Cluster cluster, String namespace, String name) {
        super(cluster, namespace);
        this.name = name;
    }

    @Override
    protected String subject() {
        return "Pod " + namespace + "/" + name;
    }

    /** Checks that the pod is Ready. */
    public PodAssert isReady() {
        return check("to be Ready", () -> ifPresent(load(), p -> p.isReady() ? null : describe(p)));
    }

    /** Checks the STATUS column {@code kubectl get pods} would show, such as {@code Running} or {@code Completed}. */
    public PodAssert hasStatus(String status) {
        return check("to have status " + status, () -> ifPresent(load(),
                p -> status.equals(PodStatuses.status(p)) ? null : describe(p)));
    }

    /** Checks that the pod's containers restarted at least {@code n} times in all. */
    public PodAssert hasRestartedAtLeast(int n) {
        return check("to have restarted at least " + n + " times", () -> ifPresent(load(),
                p -> PodStatuses.restarts(p) >= n ? null : describe(p)));
    }

    private Optional<Pod> load() {
        return cluster.client().pods().inNamespace(namespace).get(name);
    }

    private static String describe(Pod p) {
        return "it is " + PodStatuses.status(p) + ", ready " + PodStatuses.ready(p) + ", restarts "
                + PodStatuses.restarts(p) + PodStatuses.failure(p, Integer.MAX_VALUE).map(f -> " (" + f + ")")
                .orElse("");
    }
}

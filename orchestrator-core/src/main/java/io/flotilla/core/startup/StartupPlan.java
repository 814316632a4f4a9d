package io.flotilla.core.startup;

import io.flotilla.api.meta.Buildable;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.Cluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The start-up graph of a topology: objects to apply into a namespace, some of which wait for others.
 *
 * <pre>{@code
 * StartupPlan plan = StartupPlan.builder()
 *         .resource(ConfigMap.named("shop").data("greeting", "hi").build())
 *         .resource(migrateJob)                                    // "Job/migrate"
 *         .resource(apiDeployment, "Job/migrate")                  // starts once the Job completed
 *         .resource(apiService)
 *         .timeout(Duration.ofMinutes(1))
 *         .build();
 * StartupReport report = plan.run(cluster, "shop");
 * }</pre>
 *
 * <p>{@link #run} applies every object whose dependencies are met at once (objects without a readiness of their
 * own, such as ConfigMaps and Services, before workloads), waits for workloads to be Ready — a Deployment rolled
 * out and available, every StatefulSet replica ready, every DaemonSet pod ready, a Pod ready — or Completed (a Job;
 * a Pod that succeeded), applies dependents as soon as their dependencies are, and stops at the first workload
 * that cannot start with a {@link StartupFailedException} showing its pods, events and logs.
 *
 * <p>Immutable and thread-safe; one plan may run many times, in many namespaces and clusters. Objects are named by
 * {@code Kind/name} ({@link #key}).
 */
public final class StartupPlan {
    /** The timeout when none is set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /** One object and the keys of the objects it waits for. */
    record Step(String key, Resource resource, List<String> dependsOn) {
    }

    private final List<Step> steps;
    private final Duration timeout;
    private final int toleratedRestarts;

    private StartupPlan(List<Step> steps, Duration timeout, int toleratedRestarts) {
        this.steps = List.copyOf(steps);
        this.timeout = timeout;
        this.toleratedRestarts = toleratedRestarts;
    }

    /** A builder of an empty plan with the {@link #DEFAULT_TIMEOUT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** How a plan names {@code resource}: {@code Kind/name}, such as {@code Job/migrate}. */
    public static String key(Resource resource) {
        return resource.kind() + "/" + resource.metadata().name();
    }

    /** The objects, in the order they were added. */
    public List<Resource> resources() {
        return steps.stream().map(Step::resource).toList();
    }

    /** The keys {@code key} waits for (empty when it waits for nothing or is not in the plan). */
    public List<String> dependencies(String key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst().map(Step::dependsOn).orElse(List.of());
    }

    /** How long {@link #run} waits in all before it gives up. */
    public Duration timeout() {
        return timeout;
    }

    /** How many container restarts a workload may have before the run fails (default 0: the first crash fails). */
    public int toleratedRestarts() {
        return toleratedRestarts;
    }

    /**
     * Applies the plan into {@code namespace} of {@code cluster} (creating the namespace if needed; objects that name
     * a namespace of their own keep it) and waits until every object is ready. Blocks the calling thread; waits are
     * in real time, so on a cluster driven by a virtual clock another thread must advance it.
     *
     * @return when each object was ready
     * @throws StartupFailedException as soon as a workload cannot start, or when the timeout passes
     * @throws io.flotilla.core.apiserver.ApiException if an object is refused (invalid, forbidden), naming it
     * @throws NullPointerException if an argument is {@code null}
     */
    public StartupReport run(Cluster cluster, String namespace) {
        return new PlanRun(this, Objects.requireNonNull(cluster, "cluster"),
                Objects.requireNonNull(namespace, "namespace")).run();
    }

    List<Step> steps() {
        return steps;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("StartupPlan[");
        for (Step s : steps) {
            out.append(s.key()).append(s.dependsOn().isEmpty() ? "" : " after " + s.dependsOn()).append("; ");
        }
        return out.append("timeout ").append(timeout).append(']').toString();
    }

    /** Collects the objects of a {@link StartupPlan}. Mutable and not thread-safe. */
    public static final class Builder {
        private final Map<String, Step> steps = new LinkedHashMap<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private int toleratedRestarts;

        private Builder() {
        }

        /**
         * Adds {@code resource}, to start after the objects named by {@code dependsOn} ({@code Kind/name}, such as
         * {@code "Job/migrate"}) are Ready or Completed.
         *
         * @throws IllegalArgumentException if the plan has an object of that kind and name already, or the object
         *                                  has no name
         */
        public Builder resource(Resource resource, String... dependsOn) {
            Objects.requireNonNull(resource, "resource");
            String name = resource.metadata().name();
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a " + resource.kind() + " in a start-up plan needs a name"
                        + " (generateName is not supported here)");
            }
            String key = key(resource);
            List<String> deps = List.of(Objects.requireNonNull(dependsOn, "dependsOn"));
            if (steps.putIfAbsent(key, new Step(key, resource, deps)) != null) {
                throw new IllegalArgumentException(key + " was added to the start-up plan twice");
            }
            return this;
        }

        /** Builds and adds {@code builder}'s object; see {@link #resource(Resource, String...)}. */
        public Builder resource(Buildable<?> builder, String... dependsOn) {
            return resource(Objects.requireNonNull(builder, "builder").build(), dependsOn);
        }

        /** Adds every object of {@code resources}, without dependencies. */
        public Builder resources(List<? extends Resource> resources) {
            resources.forEach(r -> resource(r));
            return this;
        }

        /**
         * How long the run waits in all before it fails; default {@link StartupPlan#DEFAULT_TIMEOUT}.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * How many times a workload's containers may restart before the run fails; default 0, so the first crash
         * fails the run (with the crashed container's log). Raise it for workloads that are expected to crash until
         * something else is up, or better, declare that dependency.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder toleratedRestarts(int restarts) {
            if (restarts < 0) {
                throw new IllegalArgumentException("toleratedRestarts must not be negative: " + restarts);
            }
            this.toleratedRestarts = restarts;
            return this;
        }

        /**
         * The plan.
         *
         * @throws IllegalArgumentException if an object depends on one the plan does not hold (the message lists
         *                                  what it holds), or dependencies form a cycle (the message shows it)
         */
        public StartupPlan build() {
            for (Step s : steps.values()) {
                for (String d : s.dependsOn()) {
                    if (!steps.containsKey(d)) {
                        throw new IllegalArgumentException(s.key() + " depends on " + d + ", which is not in the"
                                + " start-up plan (dependencies are written Kind/name; the plan holds "
                                + steps.keySet() + ")");
                    }
                    if (d.equals(s.key())) {
                        throw new IllegalArgumentException(s.key() + " depends on itself");
                    }
                }
            }
            rejectCycles();
            return new StartupPlan(new ArrayList<>(steps.values()), timeout, toleratedRestarts);
        }

        private void rejectCycles() {
            Map<String, Integer> state = new HashMap<>();
            for (String key : steps.keySet()) {
                List<String> path = new ArrayList<>();
                if (cycleFrom(key, state, path)) {
                    int from = path.indexOf(path.getLast());
                    throw new IllegalArgumentException("the dependencies of the start-up plan form a cycle: "
                            + String.join(" -> ", path.subList(from, path.size())));
                }
            }
        }

        /** Depth-first search; state 1 = on the current path, 2 = done. Leaves the cycle at the end of path. */
        private boolean cycleFrom(String key, Map<String, Integer> state, List<String> path) {
            Integer seen = state.get(key);
            if (seen != null && seen == 2) {
                return false;
            }
            path.add(key);
            if (seen != null) {
                return true;
            }
            state.put(key, 1);
            for (String d : steps.get(key).dependsOn()) {
                if (cycleFrom(d, state, path)) {
                    return true;
                }
            }
            state.put(key, 2);
            path.removeLast();
            return false;
        }
    }
}

package io.flotilla.api.apps;

import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceType;

/**
 * A set of identical, replaceable pods, rolled out gradually when the template changes. The control plane keeps
 * one ReplicaSet per template revision and scales them within the rollout bounds.
 *
 * <pre>{@code
 * import static io.flotilla.api.apps.Rollout.*;
 *
 * Deployment web = Deployment.named("web")
 *     .replicas(3)
 *     .container("httpd", c -> c.image("nginx:1.27").port(80).readiness(Probe.http("/", 80)))
 *     .rollingUpdate(maxSurge(1), maxUnavailable(0))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #status()} is {@code null} until observed.
 *
 * @param metadata standard metadata
 * @param spec     the desired state
 * @param status   the observed state
 */
public record Deployment(ObjectMeta metadata, DeploymentSpec spec, DeploymentStatus status)
        implements HasStatus<DeploymentStatus> {

    /** The {@code apps/v1/Deployment} kind. */
    public static final ResourceType<Deployment> TYPE = new ResourceType<>(Deployment.class, "apps/v1", "Deployment",
            "deployments", true, DeploymentValidation::validate);

    /** Normalises absent metadata. */
    public Deployment {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /** A builder for a Deployment named {@code name}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A builder holding this Deployment's metadata and spec (not its status). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public ResourceType<Deployment> type() {
        return TYPE;
    }

    @Override
    public Deployment withMetadata(ObjectMeta metadata) {
        return new Deployment(metadata, spec, status);
    }

    @Override
    public Deployment withStatus(DeploymentStatus status) {
        return new Deployment(metadata, spec, status);
    }

    /** A copy with another spec. */
    public Deployment withSpec(DeploymentSpec spec) {
        return new Deployment(metadata, spec, status);
    }

    /**
     * Fluent builder of {@link Deployment}; the pod template and selector methods come from
     * {@link WorkloadBuilder}. Not thread-safe.
     */
    public static final class Builder extends WorkloadBuilder<Builder, Deployment> {
        private Integer replicas;
        private DeploymentStrategy strategy;
        private Integer minReadySeconds;
        private Integer revisionHistoryLimit;
        private Boolean paused;
        private Integer progressDeadlineSeconds;

        private Builder(String name) {
            super(name);
        }

        private Builder(Deployment d) {
            super(d.metadata(), d.spec() == null ? null : d.spec().template(),
                    d.spec() == null ? null : d.spec().selector());
            DeploymentSpec s = d.spec();
            if (s != null) {
                replicas = s.replicas();
                strategy = s.strategy();
                minReadySeconds = s.minReadySeconds();
                revisionHistoryLimit = s.revisionHistoryLimit();
                paused = s.paused();
                progressDeadlineSeconds = s.progressDeadlineSeconds();
            }
        }

        /** Sets the desired number of pods. */
        public Builder replicas(Integer replicas) {
            this.replicas = replicas;
            return this;
        }

        /** A rolling update within these bounds: {@code rollingUpdate(maxSurge(1), maxUnavailable(0))}. */
        public Builder rollingUpdate(Rollout.MaxSurge maxSurge, Rollout.MaxUnavailable maxUnavailable) {
            return strategy(DeploymentStrategy.rollingUpdate(maxSurge, maxUnavailable));
        }

        /** A rolling update with bounds such as {@code 1} or {@code "25%"}; {@code null} leaves a bound unset. */
        public Builder rollingUpdate(IntOrString maxSurge, IntOrString maxUnavailable) {
            return strategy(new DeploymentStrategy(DeploymentStrategy.ROLLING_UPDATE,
                    new RollingUpdateDeployment(maxUnavailable, maxSurge)));
        }

        /** Deletes all old pods before creating new ones. */
        public Builder recreate() {
            return strategy(DeploymentStrategy.recreate());
        }

        /** Sets the strategy. */
        public Builder strategy(DeploymentStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /** Sets how long a new pod must be ready before it counts as available. */
        public Builder minReadySeconds(Integer seconds) {
            this.minReadySeconds = seconds;
            return this;
        }

        /** Sets how many old ReplicaSets are kept for rollback. */
        public Builder revisionHistoryLimit(Integer limit) {
            this.revisionHistoryLimit = limit;
            return this;
        }

        /** Pauses or resumes rollouts. */
        public Builder paused(Boolean paused) {
            this.paused = paused;
            return this;
        }

        /** Sets how long a rollout may make no progress before it is reported as failed. */
        public Builder progressDeadlineSeconds(Integer seconds) {
            this.progressDeadlineSeconds = seconds;
            return this;
        }

        @Override
        public Deployment build() {
            return new Deployment(metadata(), new DeploymentSpec(replicas, selectorOrDefault(), template(), strategy,
                    minReadySeconds, revisionHistoryLimit, paused, progressDeadlineSeconds), null);
        }
    }
}

package io.flotilla.api.apps;

import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceType;

/**
 * Runs one copy of a pod on every eligible node (those matching the template's node selector, affinity and
 * tolerations), such as a log collector or a metrics exporter.
 *
 * <pre>{@code
 * DaemonSet exporter = DaemonSet.named("node-exporter")
 *     .container("exporter", c -> c.image("prom/node-exporter:v1.8.2").port(9100))
 *     .toleration(Toleration.exists("node-role.kubernetes.io/control-plane"))
 *     .rollingUpdate(maxUnavailable(1))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #status()} is {@code null} until observed.
 *
 * @param metadata standard metadata
 * @param spec     the desired state
 * @param status   the observed state
 */
public record DaemonSet(ObjectMeta metadata, DaemonSetSpec spec, DaemonSetStatus status)
        implements HasStatus<DaemonSetStatus> {

    /** The {@code apps/v1/DaemonSet} kind. */
    public static final ResourceType<DaemonSet> TYPE = new ResourceType<>(DaemonSet.class, "apps/v1", "DaemonSet",
            "daemonsets", true, DaemonSetValidation::validate);

    /** Normalises absent metadata. */
    public DaemonSet {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /** A builder for a DaemonSet named {@code name}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A builder holding this DaemonSet's metadata and spec (not its status). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public ResourceType<DaemonSet> type() {
        return TYPE;
    }

    @Override
    public DaemonSet withMetadata(ObjectMeta metadata) {
        return new DaemonSet(metadata, spec, status);
    }

    @Override
    public DaemonSet withStatus(DaemonSetStatus status) {
        return new DaemonSet(metadata, spec, status);
    }

    /** A copy with another spec. */
    public DaemonSet withSpec(DaemonSetSpec spec) {
        return new DaemonSet(metadata, spec, status);
    }

    /**
     * Fluent builder of {@link DaemonSet}; the pod template and selector methods come from {@link WorkloadBuilder}.
     * Not thread-safe.
     */
    public static final class Builder extends WorkloadBuilder<Builder, DaemonSet> {
        private DaemonSetUpdateStrategy updateStrategy;
        private Integer minReadySeconds;
        private Integer revisionHistoryLimit;

        private Builder(String name) {
            super(name);
        }

        private Builder(DaemonSet ds) {
            super(ds.metadata(), ds.spec() == null ? null : ds.spec().template(),
                    ds.spec() == null ? null : ds.spec().selector());
            if (ds.spec() != null) {
                updateStrategy = ds.spec().updateStrategy();
                minReadySeconds = ds.spec().minReadySeconds();
                revisionHistoryLimit = ds.spec().revisionHistoryLimit();
            }
        }

        /** A rolling update that lets this many nodes' pods be unavailable at once. */
        public Builder rollingUpdate(Rollout.MaxUnavailable maxUnavailable) {
            return updateStrategy(new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ROLLING_UPDATE,
                    new RollingUpdateDaemonSet(maxUnavailable.value(), null)));
        }

        /**
         * A rolling update that starts the new pod on this many nodes before stopping the old one; the
         * unavailability bound is set to 0, as Kubernetes requires when surging.
         */
        public Builder rollingUpdate(Rollout.MaxSurge maxSurge) {
            return updateStrategy(new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ROLLING_UPDATE,
                    new RollingUpdateDaemonSet(Rollout.maxUnavailable(0).value(), maxSurge.value())));
        }

        /** Replaces a node's pod only when the user deletes it ({@code updateStrategy.type: OnDelete}). */
        public Builder onDelete() {
            return updateStrategy(new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ON_DELETE, null));
        }

        /** Sets the update strategy. */
        public Builder updateStrategy(DaemonSetUpdateStrategy strategy) {
            this.updateStrategy = strategy;
            return this;
        }

        /** Sets how long a new pod must be ready before it counts as available. */
        public Builder minReadySeconds(Integer seconds) {
            this.minReadySeconds = seconds;
            return this;
        }

        /** Sets how many old revisions are kept. */
        public Builder revisionHistoryLimit(Integer limit) {
            this.revisionHistoryLimit = limit;
            return this;
        }

        @Override
        public DaemonSet build() {
            return new DaemonSet(metadata(), new DaemonSetSpec(selectorOrDefault(), template(), updateStrategy,
                    minReadySeconds, revisionHistoryLimit), null);
        }
    }
}

package io.flotilla.api.apps;

import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Pods with stable identities: each has a fixed name ({@code db-0}, {@code db-1}...), DNS name through a headless
 * Service, and its own persistent volume claims that outlive it.
 *
 * <pre>{@code
 * StatefulSet db = StatefulSet.named("db")
 *     .serviceName("db")
 *     .replicas(3)
 *     .container("postgres", c -> c.image("postgres:16").port(5432).mount("data", "/var/lib/postgresql/data"))
 *     .volumeClaimTemplate("data", pvc -> pvc.readWriteOnce().storage("10Gi"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #status()} is {@code null} until observed.
 *
 * @param metadata standard metadata
 * @param spec     the desired state
 * @param status   the observed state
 */
public record StatefulSet(ObjectMeta metadata, StatefulSetSpec spec, StatefulSetStatus status)
        implements HasStatus<StatefulSetStatus> {

    /** The {@code apps/v1/StatefulSet} kind. */
    public static final ResourceType<StatefulSet> TYPE = new ResourceType<>(StatefulSet.class, "apps/v1",
            "StatefulSet", "statefulsets", true, StatefulSetValidation::validate);

    /** Normalises absent metadata. */
    public StatefulSet {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /** A builder for a StatefulSet named {@code name}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A builder holding this StatefulSet's metadata and spec (not its status). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public ResourceType<StatefulSet> type() {
        return TYPE;
    }

    @Override
    public StatefulSet withMetadata(ObjectMeta metadata) {
        return new StatefulSet(metadata, spec, status);
    }

    @Override
    public StatefulSet withStatus(StatefulSetStatus status) {
        return new StatefulSet(metadata, spec, status);
    }

    /** A copy with another spec. */
    public StatefulSet withSpec(StatefulSetSpec spec) {
        return new StatefulSet(metadata, spec, status);
    }

    /**
     * Fluent builder of {@link StatefulSet}; the pod template and selector methods come from
     * {@link WorkloadBuilder}. Not thread-safe.
     */
    public static final class Builder extends WorkloadBuilder<Builder, StatefulSet> {
        private Integer replicas;
        private List<PersistentVolumeClaim> claims = List.of();
        private String serviceName;
        private String podManagementPolicy;
        private StatefulSetUpdateStrategy updateStrategy;
        private Integer revisionHistoryLimit;
        private Integer minReadySeconds;
        private StatefulSetPersistentVolumeClaimRetentionPolicy retention;
        private StatefulSetOrdinals ordinals;

        private Builder(String name) {
            super(name);
        }

        private Builder(StatefulSet set) {
            super(set.metadata(), set.spec() == null ? null : set.spec().template(),
                    set.spec() == null ? null : set.spec().selector());
            StatefulSetSpec s = set.spec();
            if (s != null) {
                replicas = s.replicas();
                claims = s.volumeClaimTemplates();
                serviceName = s.serviceName();
                podManagementPolicy = s.podManagementPolicy();
                updateStrategy = s.updateStrategy();
                revisionHistoryLimit = s.revisionHistoryLimit();
                minReadySeconds = s.minReadySeconds();
                retention = s.persistentVolumeClaimRetentionPolicy();
                ordinals = s.ordinals();
            }
        }

        /** Sets the desired number of pods. */
        public Builder replicas(Integer replicas) {
            this.replicas = replicas;
            return this;
        }

        /** Sets the headless Service that gives the pods their DNS names. */
        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        /** Sets {@code podManagementPolicy}: {@link StatefulSetSpec#ORDERED_READY} or {@code Parallel}. */
        public Builder podManagementPolicy(String policy) {
            this.podManagementPolicy = policy;
            return this;
        }

        /** Creates and deletes pods all at once ({@code podManagementPolicy: Parallel}). */
        public Builder parallel() {
            return podManagementPolicy(StatefulSetSpec.PARALLEL);
        }

        /** Sets the update strategy. */
        public Builder updateStrategy(StatefulSetUpdateStrategy strategy) {
            this.updateStrategy = strategy;
            return this;
        }

        /** Updates only pods with an ordinal of at least {@code partition}, by rolling update. */
        public Builder partition(int partition) {
            return rollingUpdate(new RollingUpdateStatefulSetStrategy(partition, rolling().maxUnavailable()));
        }

        /** Lets this many pods be unavailable during a rolling update (default 1). */
        public Builder maxUnavailable(Rollout.MaxUnavailable maxUnavailable) {
            return rollingUpdate(new RollingUpdateStatefulSetStrategy(rolling().partition(), maxUnavailable.value()));
        }

        private RollingUpdateStatefulSetStrategy rolling() {
            return updateStrategy == null || updateStrategy.rollingUpdate() == null
                    ? new RollingUpdateStatefulSetStrategy(null, null) : updateStrategy.rollingUpdate();
        }

        private Builder rollingUpdate(RollingUpdateStatefulSetStrategy rollingUpdate) {
            return updateStrategy(new StatefulSetUpdateStrategy(StatefulSetUpdateStrategy.ROLLING_UPDATE,
                    rollingUpdate));
        }

        /** Replaces a pod only when the user deletes it ({@code updateStrategy.type: OnDelete}). */
        public Builder onDelete() {
            return updateStrategy(new StatefulSetUpdateStrategy(StatefulSetUpdateStrategy.ON_DELETE, null));
        }

        /** Adds a claim template, replacing one of the same name. */
        public Builder volumeClaimTemplate(PersistentVolumeClaim claim) {
            Objects.requireNonNull(claim, "claim");
            List<PersistentVolumeClaim> next = new ArrayList<>();
            boolean replaced = false;
            for (PersistentVolumeClaim c : claims) {
                if (Objects.equals(c.metadata().name(), claim.metadata().name())) {
                    next.add(claim);
                    replaced = true;
                } else {
                    next.add(c);
                }
            }
            if (!replaced) {
                next.add(claim);
            }
            claims = Immutables.list(next);
            return this;
        }

        /**
         * Adds a claim template named {@code name}, replacing one of the same name:
         * {@code volumeClaimTemplate("data", pvc -> pvc.readWriteOnce().storage("10Gi"))}.
         */
        public Builder volumeClaimTemplate(String name, Consumer<PersistentVolumeClaim.Builder> edit) {
            PersistentVolumeClaim.Builder claim = PersistentVolumeClaim.named(name);
            edit.accept(claim);
            return volumeClaimTemplate(claim.build());
        }

        /** Sets how many old revisions are kept. */
        public Builder revisionHistoryLimit(Integer limit) {
            this.revisionHistoryLimit = limit;
            return this;
        }

        /** Sets how long a new pod must be ready before it counts as available. */
        public Builder minReadySeconds(Integer seconds) {
            this.minReadySeconds = seconds;
            return this;
        }

        /**
         * Sets what happens to the pods' claims when the set is deleted and when it is scaled down:
         * {@link StatefulSetPersistentVolumeClaimRetentionPolicy#RETAIN} or {@code DELETE}.
         */
        public Builder persistentVolumeClaimRetention(String whenDeleted, String whenScaled) {
            this.retention = new StatefulSetPersistentVolumeClaimRetentionPolicy(whenDeleted, whenScaled);
            return this;
        }

        /** Numbers the pods from {@code start}. */
        public Builder ordinalsStart(int start) {
            this.ordinals = new StatefulSetOrdinals(start);
            return this;
        }

        @Override
        public StatefulSet build() {
            return new StatefulSet(metadata(), new StatefulSetSpec(replicas, selectorOrDefault(), template(), claims,
                    serviceName, podManagementPolicy, updateStrategy, revisionHistoryLimit, minReadySeconds,
                    retention, ordinals), null);
        }
    }
}

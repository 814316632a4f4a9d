package io.flotilla.api.storage;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * A class of storage: which provisioner creates volumes for claims that name it, with which parameters, and how they
 * are bound and reclaimed. Cluster-scoped; the fields are top-level (there is no spec).
 *
 * <pre>{@code
 * StorageClass local = StorageClass.named("local-path").provisioner("flotilla.io/host-path")
 *         .waitForFirstConsumer().reclaimPolicy(StorageClass.DELETE).defaultClass().build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; collections are never {@code null}, scalars are {@code null} when unset.
 *
 * @param metadata             standard metadata
 * @param provisioner          the provisioner's name, such as {@code rancher.io/local-path}; required
 * @param parameters           provisioner-specific settings
 * @param reclaimPolicy        {@link #DELETE} (default) or {@link #RETAIN}: what happens to a volume when its claim
 *                             is deleted
 * @param mountOptions         mount options of the volumes, such as {@code noatime}
 * @param allowVolumeExpansion whether claims may grow
 * @param volumeBindingMode    {@link #IMMEDIATE} (default) or {@link #WAIT_FOR_FIRST_CONSUMER}
 * @param allowedTopologies    where volumes may be provisioned
 */
public record StorageClass(ObjectMeta metadata, String provisioner, Map<String, String> parameters,
                           String reclaimPolicy, List<String> mountOptions, Boolean allowVolumeExpansion,
                           String volumeBindingMode, List<TopologySelectorTerm> allowedTopologies) implements Resource {

    /** The {@code storage.k8s.io/v1/StorageClass} kind. */
    public static final ResourceType<StorageClass> TYPE = new ResourceType<>(StorageClass.class, "storage.k8s.io/v1",
            "StorageClass", "storageclasses", false, StorageClassValidation::validate);

    /** Volumes are deleted with their claim (the default). */
    public static final String DELETE = "Delete";
    /** Volumes outlive their claim and must be reclaimed by hand. */
    public static final String RETAIN = "Retain";
    /** Every reclaim policy a StorageClass supports. */
    public static final List<String> RECLAIM_POLICIES = List.of(DELETE, RETAIN);
    /** Claims are bound (and volumes provisioned) as soon as they are created (the default). */
    public static final String IMMEDIATE = "Immediate";
    /** Binding waits until a pod uses the claim, so the volume is made where the pod is scheduled. */
    public static final String WAIT_FOR_FIRST_CONSUMER = "WaitForFirstConsumer";
    /** Every volume binding mode. */
    public static final List<String> VOLUME_BINDING_MODES = List.of(IMMEDIATE, WAIT_FOR_FIRST_CONSUMER);
    /** The annotation that makes a class the default for claims without {@code storageClassName}. */
    public static final String IS_DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    /** Normalises absent values. */
    public StorageClass {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        parameters = Immutables.map(parameters);
        mountOptions = Immutables.list(mountOptions);
        allowedTopologies = Immutables.list(allowedTopologies);
    }

    /** A builder for a class named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this class's values. */
    public Builder toBuilder() {
        Builder b = new Builder(metadata);
        b.provisioner = provisioner;
        b.parameters = parameters;
        b.reclaimPolicy = reclaimPolicy;
        b.mountOptions = mountOptions;
        b.allowVolumeExpansion = allowVolumeExpansion;
        b.volumeBindingMode = volumeBindingMode;
        b.allowedTopologies = allowedTopologies;
        return b;
    }

    @Override
    public ResourceType<StorageClass> type() {
        return TYPE;
    }

    @Override
    public StorageClass withMetadata(ObjectMeta metadata) {
        return new StorageClass(metadata, provisioner, parameters, reclaimPolicy, mountOptions, allowVolumeExpansion,
                volumeBindingMode, allowedTopologies);
    }

    /** Whether the class is annotated as the default class. */
    public boolean isDefaultClass() {
        return "true".equals(metadata.annotations().get(IS_DEFAULT_CLASS_ANNOTATION));
    }

    /**
     * A term of {@code allowedTopologies}: every requirement must hold. Immutable.
     *
     * @param matchLabelExpressions node label requirements
     */
    public record TopologySelectorTerm(List<TopologySelectorLabelRequirement> matchLabelExpressions) {

        /** Normalises an absent list. */
        public TopologySelectorTerm {
            matchLabelExpressions = Immutables.list(matchLabelExpressions);
        }
    }

    /**
     * A node label whose value must be one of {@code values}. Immutable.
     *
     * @param key    the label key, such as {@code topology.kubernetes.io/zone}
     * @param values the allowed values, at least one
     */
    public record TopologySelectorLabelRequirement(String key, List<String> values) {

        /** Normalises an absent list. */
        public TopologySelectorLabelRequirement {
            values = Immutables.list(values);
        }
    }

    /** Fluent builder of {@link StorageClass}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, StorageClass> {
        private String provisioner;
        private Map<String, String> parameters = Map.of();
        private String reclaimPolicy;
        private List<String> mountOptions = List.of();
        private Boolean allowVolumeExpansion;
        private String volumeBindingMode;
        private List<TopologySelectorTerm> allowedTopologies = List.of();

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        /** Sets the provisioner. */
        public Builder provisioner(String provisioner) {
            this.provisioner = provisioner;
            return this;
        }

        /** Adds or replaces one of the parameters. */
        public Builder parameter(String key, String value) {
            parameters = Immutables.with(parameters, key, value);
            return this;
        }

        /** Sets {@code reclaimPolicy}, one of {@link StorageClass#RECLAIM_POLICIES}. */
        public Builder reclaimPolicy(String policy) {
            this.reclaimPolicy = policy;
            return this;
        }

        /** Adds a mount option. */
        public Builder mountOption(String option) {
            mountOptions = Immutables.with(mountOptions, option);
            return this;
        }

        /** Sets {@code allowVolumeExpansion}. */
        public Builder allowVolumeExpansion(Boolean allow) {
            this.allowVolumeExpansion = allow;
            return this;
        }

        /** Sets {@code volumeBindingMode}, one of {@link StorageClass#VOLUME_BINDING_MODES}. */
        public Builder volumeBindingMode(String mode) {
            this.volumeBindingMode = mode;
            return this;
        }

        /** Sets {@code volumeBindingMode: WaitForFirstConsumer}. */
        public Builder waitForFirstConsumer() {
            return volumeBindingMode(WAIT_FOR_FIRST_CONSUMER);
        }

        /** Adds a term to {@code allowedTopologies}. */
        public Builder allowedTopology(TopologySelectorTerm term) {
            allowedTopologies = Immutables.with(allowedTopologies, term);
            return this;
        }

        /** Annotates the class as the cluster's default ({@value StorageClass#IS_DEFAULT_CLASS_ANNOTATION}). */
        public Builder defaultClass() {
            return annotation(IS_DEFAULT_CLASS_ANNOTATION, "true");
        }

        @Override
        public StorageClass build() {
            return new StorageClass(metadata(), provisioner, parameters, reclaimPolicy, mountOptions,
                    allowVolumeExpansion, volumeBindingMode, allowedTopologies);
        }
    }
}

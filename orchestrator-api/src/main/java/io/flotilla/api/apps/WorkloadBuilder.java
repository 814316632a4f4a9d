package io.flotilla.api.apps;

import io.flotilla.api.core.PodSpecBuilder;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import java.util.Map;

/**
 * The pod-template half of every workload builder (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job): the
 * template's labels and annotations and the workload's selector, on top of the pod-spec methods of
 * {@link PodSpecBuilder}. Each method is written once, here.
 *
 * <p>Two documented conveniences, the same for every workload, which a YAML author would also write:
 * <ul>
 *   <li>when no template label is set, the template gets {@code app: <metadata.name>};</li>
 *   <li>when no selector is set, the workload selects the template's labels ({@code matchLabels}). The Job builder
 *       is the one exception: Kubernetes generates a Job's selector, and rejects a hand-written one unless
 *       {@code manualSelector} is true.</li>
 * </ul>
 * Builders made by {@code toBuilder()} start from the object's own template labels and selector, so these
 * conveniences never change an existing object.
 *
 * <p>Builders are mutable and not thread-safe.
 *
 * @param <B> the concrete builder type
 * @param <T> the resource type built
 */
public abstract class WorkloadBuilder<B extends WorkloadBuilder<B, T>, T extends Resource> extends PodSpecBuilder<B, T> {
    /** The label key of the default template label. */
    public static final String APP_LABEL = "app";

    private Map<String, String> podLabels = Map.of();
    private Map<String, String> podAnnotations = Map.of();
    private LabelSelector selector;

    /** Starts a builder for a workload named {@code name}. */
    protected WorkloadBuilder(String name) {
        super(name);
    }

    /**
     * Starts a builder from an existing workload (for {@code toBuilder()}).
     *
     * @param metadata the workload's metadata, not {@code null}
     * @param template its pod template; {@code null} means empty
     * @param selector its selector; {@code null} means unset
     */
    protected WorkloadBuilder(ObjectMeta metadata, PodTemplateSpec template, LabelSelector selector) {
        super(metadata, template == null ? null : template.spec());
        if (template != null) {
            podLabels = template.metadata().labels();
            podAnnotations = template.metadata().annotations();
        }
        this.selector = selector;
    }

    /** Adds or replaces a label of the pod template ({@code spec.template.metadata.labels}). */
    public B podLabel(String key, String value) {
        podLabels = Immutables.with(podLabels, key, value);
        return self();
    }

    /** Replaces the labels of the pod template. */
    public B podLabels(Map<String, String> labels) {
        podLabels = Immutables.map(labels);
        return self();
    }

    /** Adds or replaces an annotation of the pod template ({@code spec.template.metadata.annotations}). */
    public B podAnnotation(String key, String value) {
        podAnnotations = Immutables.with(podAnnotations, key, value);
        return self();
    }

    /** Sets the selector ({@code spec.selector}); {@code null} restores the default. */
    public B selector(LabelSelector selector) {
        this.selector = selector;
        return self();
    }

    /** Adds {@code key: value} to the selector's {@code matchLabels}. */
    public B selector(String key, String value) {
        selector = (selector == null ? LabelSelector.everything() : selector).and(key, value);
        return self();
    }

    /** The pod template built so far, with the default {@code app} label if no label was set. */
    protected final PodTemplateSpec template() {
        Map<String, String> labels = podLabels;
        String name = metadata().name();
        if (labels.isEmpty() && name != null) {
            labels = Map.of(APP_LABEL, name);
        }
        ObjectMeta meta = ObjectMeta.builder().labels(labels).annotations(podAnnotations).build();
        return new PodTemplateSpec(meta, podSpec());
    }

    /** The selector as set, or one selecting the template's labels. */
    protected final LabelSelector selectorOrDefault() {
        return selector != null ? selector : LabelSelector.of(template().metadata().labels());
    }

    /** The selector as set, or {@code null} (for kinds whose selector Kubernetes generates). */
    protected final LabelSelector explicitSelector() {
        return selector;
    }
}

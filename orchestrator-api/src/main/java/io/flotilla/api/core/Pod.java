package io.flotilla.api.core;

import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceType;

/**
 * The smallest deployable unit: one or more containers that share a network namespace and volumes, scheduled onto
 * one node together.
 *
 * <pre>{@code
 * Pod pod = Pod.named("web-0")
 *         .container("httpd", c -> c.image("nginx:1.27").port(80)
 *                 .readiness(Probe.http("/", 80))
 *                 .mount("site", "/usr/share/nginx/html")
 *                 .resources(r -> r.cpu("250m").memory("64Mi")))
 *         .volume(Volume.configMap("site"))
 *         .nodeSelector("disk", "ssd")
 *         .build();
 * }</pre>
 *
 * @param metadata standard metadata; never {@code null}
 * @param spec     the desired state
 * @param status   the observed state, {@code null} until the control plane writes one
 */
public record Pod(ObjectMeta metadata, PodSpec spec, PodStatus status) implements HasStatus<PodStatus> {

    /** The {@code v1/Pod} kind. */
    public static final ResourceType<Pod> TYPE =
            new ResourceType<>(Pod.class, "v1", "Pod", "pods", true, PodValidation::validate);

    /** Normalises absent metadata. */
    public Pod {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /** A builder for a pod named {@code name}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A builder holding this pod's metadata, spec and status. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public ResourceType<Pod> type() {
        return TYPE;
    }

    @Override
    public Pod withMetadata(ObjectMeta metadata) {
        return new Pod(metadata, spec, status);
    }

    @Override
    public Pod withStatus(PodStatus status) {
        return new Pod(metadata, spec, status);
    }

    /** A copy with another spec. */
    public Pod withSpec(PodSpec spec) {
        return new Pod(metadata, spec, status);
    }

    /** The phase, {@link PodStatus#PENDING} when no status was written yet. */
    public String phase() {
        return status == null || status.phase() == null ? PodStatus.PENDING : status.phase();
    }

    /** Whether the pod has succeeded or failed and will not run again. */
    public boolean isTerminal() {
        return status != null && status.isTerminal();
    }

    /** Whether the pod is ready to serve. */
    public boolean isReady() {
        return status != null && status.isReady();
    }

    /** The node the pod is bound to, or {@code null}. */
    public String nodeName() {
        return spec == null ? null : spec.nodeName();
    }

    /**
     * Fluent builder of {@link Pod}: metadata methods from {@link io.flotilla.api.meta.ResourceBuilder}, pod-spec
     * methods from {@link PodSpecBuilder}. Not thread-safe. A builder from {@link Pod#toBuilder()} keeps the status;
     * a new one has none.
     */
    public static final class Builder extends PodSpecBuilder<Builder, Pod> {
        private PodStatus status;

        private Builder(String name) {
            super(name);
        }

        private Builder(Pod pod) {
            super(pod.metadata, pod.spec);
            status = pod.status;
        }

        /** Sets the status (for tests and node agents; users normally leave it unset). */
        public Builder status(PodStatus status) {
            this.status = status;
            return this;
        }

        @Override
        public Pod build() {
            return new Pod(metadata(), podSpec(), status);
        }
    }
}

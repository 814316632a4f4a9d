package io.flotilla.api.core;

import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceBuilder;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The pod-spec half of every builder of a kind that runs pods: {@link Pod.Builder} and the workload builders
 * (Deployment, StatefulSet, Job...). Each pod-spec method is written once, here; a subclass adds its own fields
 * and calls {@link #podSpec()} in {@code build()}.
 *
 * <pre>{@code
 * public static final class Builder extends PodSpecBuilder<Builder, Deployment> {
 *     public Deployment build() {
 *         return new Deployment(metadata(), new DeploymentSpec(..., new PodTemplateSpec(templateMeta, podSpec())));
 *     }
 * }
 * }</pre>
 *
 * <p>Builders are mutable and not thread-safe. Nothing is set that the caller did not ask for. Methods that take a
 * name ({@code container("web", ...)}, {@link #volume}) edit or replace the element of that name, so that
 * {@code toBuilder()} edits do not duplicate it.
 *
 * @param <B> the concrete builder type
 * @param <T> the resource type built
 */
public abstract class PodSpecBuilder<B extends PodSpecBuilder<B, T>, T extends Resource> extends ResourceBuilder<B, T> {
    private PodSpec.Builder spec;

    /** Starts a builder for an object named {@code name} with an empty pod spec. */
    protected PodSpecBuilder(String name) {
        super(name);
        this.spec = PodSpec.builder();
    }

    /**
     * Starts a builder from an existing object (for {@code toBuilder()}).
     *
     * @param metadata the object's metadata, not {@code null}
     * @param spec     the pod spec to start from; {@code null} means empty
     */
    protected PodSpecBuilder(ObjectMeta metadata, PodSpec spec) {
        super(metadata);
        this.spec = spec == null ? PodSpec.builder() : spec.toBuilder();
    }

    /** The pod spec built so far, for {@code build()}. */
    protected final PodSpec podSpec() {
        return spec.build();
    }

    /**
     * Adds a container, or edits the one already named {@code name}:
     * {@code container("web", c -> c.image("nginx:1.27").port(80))}.
     */
    public B container(String name, Consumer<Container.Builder> edit) {
        spec.container(name, edit);
        return self();
    }

    /** Adds a container, replacing one of the same name. */
    public B container(Container container) {
        spec.container(container);
        return self();
    }

    /** Adds an init container, or edits the one already named {@code name}. */
    public B initContainer(String name, Consumer<Container.Builder> edit) {
        spec.initContainer(name, edit);
        return self();
    }

    /** Adds an init container, replacing one of the same name. */
    public B initContainer(Container container) {
        spec.initContainer(container);
        return self();
    }

    /** Adds a volume, replacing one of the same name: {@code volume(Volume.configMap("site"))}. */
    public B volume(Volume volume) {
        spec.volume(volume);
        return self();
    }

    /** Sets {@code restartPolicy}: {@link PodSpec#RESTART_ALWAYS}, {@code OnFailure} or {@code Never}. */
    public B restartPolicy(String policy) {
        spec.restartPolicy(policy);
        return self();
    }

    /** Requires node label {@code key=value}. */
    public B nodeSelector(String key, String value) {
        spec.nodeSelector(key, value);
        return self();
    }

    /** Replaces the node selector. */
    public B nodeSelector(Map<String, String> selector) {
        spec.nodeSelector(selector);
        return self();
    }

    /** Binds pods to node {@code name}, bypassing the scheduler. */
    public B nodeName(String name) {
        spec.nodeName(name);
        return self();
    }

    /** Adds a toleration: {@code toleration(Toleration.exists("dedicated"))}. */
    public B toleration(Toleration toleration) {
        spec.toleration(toleration);
        return self();
    }

    /** Sets node and pod (anti-)affinity. */
    public B affinity(Affinity affinity) {
        spec.affinity(affinity);
        return self();
    }

    /** Adds a topology spread constraint. */
    public B topologySpread(TopologySpreadConstraint constraint) {
        spec.topologySpread(constraint);
        return self();
    }

    /** Sets how long containers get to stop before they are killed. */
    public B terminationGracePeriodSeconds(long seconds) {
        spec.terminationGracePeriodSeconds(seconds);
        return self();
    }

    /** Sets the pod's hostname. */
    public B hostname(String hostname) {
        spec.hostname(hostname);
        return self();
    }

    /** Sets the pod's subdomain (a headless Service's name). */
    public B subdomain(String subdomain) {
        spec.subdomain(subdomain);
        return self();
    }

    /** Sets the scheduler profile. */
    public B schedulerName(String name) {
        spec.schedulerName(name);
        return self();
    }

    /** Sets the priority. */
    public B priority(int priority) {
        spec.priority(priority);
        return self();
    }

    /** Sets the priority class. */
    public B priorityClassName(String name) {
        spec.priorityClassName(name);
        return self();
    }

    /** Sets the service account. */
    public B serviceAccountName(String name) {
        spec.serviceAccountName(name);
        return self();
    }

    /** Sets the pod security context. */
    public B securityContext(PodSecurityContext context) {
        spec.securityContext(context);
        return self();
    }

    /** Adds a Secret of registry credentials for pulling private images. */
    public B imagePullSecret(String secretName) {
        spec.imagePullSecret(secretName);
        return self();
    }

    /** Runs pods in the node's network namespace (host ports then equal container ports). */
    public B hostNetwork(boolean hostNetwork) {
        spec.hostNetwork(hostNetwork);
        return self();
    }

    /** Edits the pod spec directly, for the fields without a shortcut here. */
    public B podSpec(UnaryOperator<PodSpec.Builder> edit) {
        spec = Objects.requireNonNull(edit.apply(spec), "edit result");
        return self();
    }
}

package io.flotilla.core.controllers.hpa;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.autoscaling.CrossVersionObjectReference;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.client.Client;
import java.util.Optional;

/**
 * The scale subresource of the kinds an autoscaler may target (Deployment, ReplicaSet, StatefulSet): read
 * {@code spec.replicas} and the pod selector, write {@code spec.replicas}. Stateless.
 */
final class ScaleTarget {
    private ScaleTarget() {
    }

    /** A target's scale: desired replicas and the selector of its pods. */
    record Scale(int replicas, LabelSelector selector) {
    }

    /** Thrown when the target cannot be read or is not a scalable kind; the message is the user's. */
    static final class ScaleError extends Exception {
        private static final long serialVersionUID = 1L;

        ScaleError(String message) {
            super(message);
        }
    }

    /** The target's current scale. */
    static Scale get(Client client, String namespace, CrossVersionObjectReference ref) throws ScaleError {
        String name = ref.name();
        Optional<Scale> scale = switch (kind(ref)) {
            case "Deployment" -> client.deployments().inNamespace(namespace).get(name)
                    .map(d -> new Scale(d.spec().effectiveReplicas(), d.spec().selector()));
            case "ReplicaSet" -> client.replicaSets().inNamespace(namespace).get(name)
                    .map(r -> new Scale(r.spec().effectiveReplicas(), r.spec().selector()));
            case "StatefulSet" -> client.statefulSets().inNamespace(namespace).get(name)
                    .map(s -> new Scale(s.spec().effectiveReplicas(), s.spec().selector()));
            default -> throw new ScaleError("the HPA controller cannot scale a " + ref.kind()
                    + ": only Deployment, ReplicaSet and StatefulSet have a scale subresource");
        };
        return scale.orElseThrow(() -> new ScaleError(ref.kind() + " \"" + name + "\" not found"));
    }

    /** Writes {@code replicas} to the target's {@code spec.replicas}. */
    static void update(Client client, String namespace, CrossVersionObjectReference ref, int replicas)
            throws ScaleError {
        String name = ref.name();
        switch (kind(ref)) {
            case "Deployment" -> client.deployments().inNamespace(namespace)
                    .update(name, (Deployment d) -> d.withSpec(d.spec().withReplicas(replicas)));
            case "ReplicaSet" -> client.replicaSets().inNamespace(namespace)
                    .update(name, (ReplicaSet r) -> r.withSpec(r.spec().withReplicas(replicas)));
            case "StatefulSet" -> client.statefulSets().inNamespace(namespace)
                    .update(name, (StatefulSet s) -> s.withSpec(s.spec().withReplicas(replicas)));
            default -> throw new ScaleError("the HPA controller cannot scale a " + ref.kind());
        }
    }

    private static String kind(CrossVersionObjectReference ref) {
        return ref.kind() == null ? "" : ref.kind();
    }
}

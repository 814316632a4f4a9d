package io.flotilla.api.admission;

/**
 * An admission plugin that may change objects before they are validated and stored, as Kubernetes' mutating
 * admission: for example a plugin that adds a default label or injects a sidecar container. Plugins run in
 * registration order, each seeing the previous one's result; validation runs after all of them.
 *
 * <pre>{@code
 * MutatingAdmission team = MutatingAdmission.of("default-team", request ->
 *     request.object(Pod.class)
 *         .filter(pod -> pod.metadata().label("team").isEmpty())
 *         .map(pod -> AdmissionDecision.allow(pod.withMetadata(pod.metadata().withLabel("team", "core"))))
 *         .orElse(AdmissionDecision.allow()));
 * }</pre>
 *
 * <p>Implementations must be thread-safe (writes run concurrently), must not block for long, and must not call
 * the API layer themselves. A plugin that throws fails the write with a {@code Forbidden} error naming it.
 */
public interface MutatingAdmission {

    /** The plugin's name, used in error messages; never {@code null}. */
    String name();

    /**
     * Decides on one CREATE or UPDATE (DELETE requests go to validating plugins only).
     *
     * @param request the write, never {@code null}
     * @return the decision, never {@code null}
     */
    AdmissionDecision admit(AdmissionRequest request);

    /** A plugin from a name and a function. */
    static MutatingAdmission of(String name, java.util.function.Function<AdmissionRequest, AdmissionDecision> admit) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(admit, "admit");
        return new MutatingAdmission() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AdmissionDecision admit(AdmissionRequest request) {
                return admit.apply(request);
            }

            @Override
            public String toString() {
                return "MutatingAdmission[" + name + "]";
            }
        };
    }
}

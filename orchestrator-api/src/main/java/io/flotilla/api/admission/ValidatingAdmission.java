package io.flotilla.api.admission;

/**
 * An admission plugin that accepts or denies writes after defaulting, mutation and the kind's own validation, as
 * Kubernetes' validating admission: for example "every Pod needs a team label". It sees CREATE, UPDATE and DELETE.
 *
 * <pre>{@code
 * ValidatingAdmission needsTeam = ValidatingAdmission.of("require-team", request ->
 *     request.object(Pod.class)
 *         .filter(pod -> pod.metadata().label("team").isEmpty())
 *         .map(pod -> AdmissionDecision.deny("every Pod needs a team label",
 *             List.of(FieldError.required(FieldPath.of("metadata.labels[team]"), "set the owning team"))))
 *         .orElse(AdmissionDecision.allow()));
 * }</pre>
 *
 * <p>Implementations must be thread-safe, must not block for long, and must not call the API layer themselves.
 * Any object a validating plugin returns is ignored. A plugin that throws fails the write with a {@code Forbidden}
 * error naming it.
 */
public interface ValidatingAdmission {

    /** The plugin's name, used in error messages; never {@code null}. */
    String name();

    /**
     * Decides on one write.
     *
     * @param request the write, never {@code null}
     * @return the decision, never {@code null}
     */
    AdmissionDecision validate(AdmissionRequest request);

    /** A plugin from a name and a function. */
    static ValidatingAdmission of(String name,
                                  java.util.function.Function<AdmissionRequest, AdmissionDecision> validate) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(validate, "validate");
        return new ValidatingAdmission() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AdmissionDecision validate(AdmissionRequest request) {
                return validate.apply(request);
            }

            @Override
            public String toString() {
                return "ValidatingAdmission[" + name + "]";
            }
        };
    }
}

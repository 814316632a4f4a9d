package io.flotilla.api.admission;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.validation.FieldError;
import java.util.List;
import java.util.Objects;

/**
 * A plugin's answer: allow (a mutating plugin may return a changed object) or deny with a message and, when the
 * problem is a field, the field errors. A denial with field errors becomes an {@code Invalid} error, one without
 * becomes {@code Forbidden}; both name the plugin. Immutable.
 *
 * @param allowed whether the write may proceed
 * @param object  the changed object from a mutating plugin, or {@code null} for "unchanged"
 * @param message why it was denied, empty when allowed
 * @param errors  the fields at fault when denied, possibly empty
 */
public record AdmissionDecision(boolean allowed, Resource object, String message, List<FieldError> errors) {

    private static final AdmissionDecision ALLOW = new AdmissionDecision(true, null, "", List.of());

    /** Normalises the message and errors. */
    public AdmissionDecision {
        message = message == null ? "" : message;
        errors = Immutables.list(errors);
    }

    /** Allows the write unchanged. */
    public static AdmissionDecision allow() {
        return ALLOW;
    }

    /**
     * Allows the write with a changed object (mutating plugins only; validating plugins' changes are ignored).
     * The object must keep the kind, namespace and name.
     */
    public static AdmissionDecision allow(Resource changed) {
        return new AdmissionDecision(true, Objects.requireNonNull(changed, "changed"), "", List.of());
    }

    /** Denies the write; becomes a {@code Forbidden} error naming the plugin. */
    public static AdmissionDecision deny(String message) {
        return new AdmissionDecision(false, null, Objects.requireNonNull(message, "message"), List.of());
    }

    /** Denies the write for these fields; becomes an {@code Invalid} error naming the plugin and listing them. */
    public static AdmissionDecision deny(String message, List<FieldError> errors) {
        return new AdmissionDecision(false, null, Objects.requireNonNull(message, "message"), errors);
    }
}

package io.flotilla.api.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the {@link FieldError}s of one validation run. Mutable and not thread-safe: one per run.
 */
public final class ValidationErrors {
    private final List<FieldError> errors = new ArrayList<>();

    /** Records an error. */
    public ValidationErrors add(FieldError error) {
        errors.add(java.util.Objects.requireNonNull(error, "error"));
        return this;
    }

    /** Records {@code path: Invalid value: value: detail}. */
    public ValidationErrors invalid(FieldPath path, Object value, String detail) {
        return add(FieldError.invalid(path, value, detail));
    }

    /** Records {@code path: Required value: detail}. */
    public ValidationErrors required(FieldPath path, String detail) {
        return add(FieldError.required(path, detail));
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors in the order they were found. */
    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /**
     * Throws if anything was recorded.
     *
     * @param what the object, as it is named in the message, such as {@code Deployment.apps "web"}
     * @throws InvalidResourceException listing every error
     */
    public void throwIfAny(String what) {
        if (!errors.isEmpty()) {
            throw new InvalidResourceException(what, errors);
        }
    }
}

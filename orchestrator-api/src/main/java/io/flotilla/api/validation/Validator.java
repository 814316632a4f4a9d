package io.flotilla.api.validation;

/**
 * Validates one kind of object. Implementations are stateless and thread-safe, add every problem they find to
 * {@code errors} (never stopping at the first), and never throw for bad input.
 *
 * @param <T> the type validated
 */
@FunctionalInterface
public interface Validator<T> {

    /**
     * Adds every problem of {@code object} to {@code errors}.
     *
     * @param object the object, never {@code null}
     * @param errors where problems go
     */
    void validate(T object, ValidationErrors errors);
}

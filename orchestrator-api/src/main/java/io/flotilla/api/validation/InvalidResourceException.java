package io.flotilla.api.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An object, or a manifest, that is not valid, with every problem found. The message has Kubernetes' form:
 * {@code Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0,
 * ...]}. Never holds a secret's values.
 */
public final class InvalidResourceException extends IllegalArgumentException {
    private final transient List<FieldError> errors;

    /**
     * @param what   the object as it is named in the message
     * @param errors the problems, at least one
     */
    public InvalidResourceException(String what, List<FieldError> errors) {
        super(message(what, errors));
        this.errors = List.copyOf(errors);
    }

    private static String message(String what, List<FieldError> errors) {
        String list = errors.stream().map(FieldError::toString).collect(Collectors.joining(", "));
        return what + " is invalid: " + (errors.size() == 1 ? list : "[" + list + "]");
    }

    /** Every problem, in the order found. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The printed paths of every problem, convenient for assertions. */
    public List<String> paths() {
        return errors.stream().map(e -> e.path().toString()).toList();
    }
}

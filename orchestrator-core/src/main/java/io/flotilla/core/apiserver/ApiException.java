package io.flotilla.core.apiserver;

import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.InvalidResourceException;
import java.util.List;

/**
 * The failures the API layer adds to those of the store ({@link io.flotilla.core.store.StoreException}:
 * {@code NotFound}, {@code AlreadyExists}, {@code Conflict}, {@code Gone}, which it passes through unchanged):
 * {@link Invalid} for objects that fail defaulting, validation, immutability rules or an admission plugin's field
 * checks, and {@link Forbidden} for writes refused by a rule (a terminating namespace, an admission plugin's
 * denial, a finalizer added to an object being deleted). Messages are worded as the Kubernetes API server words
 * them and name the object. A failed call leaves the store unchanged. Never holds a secret's values.
 */
public abstract sealed class ApiException extends RuntimeException {

    private ApiException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /**
     * The object is not valid: {@code Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be
     * greater than or equal to 0}. Carries every field error.
     */
    public static final class Invalid extends ApiException {
        private final transient List<FieldError> errors;

        /**
         * @param cause the aggregated validation failure; its message is used as is
         */
        public Invalid(InvalidResourceException cause) {
            super(cause.getMessage(), cause);
            this.errors = cause.errors();
        }

        /**
         * @param what   the object as named in messages, such as {@code Deployment.apps "web"}
         * @param errors the problems, at least one
         */
        public Invalid(String what, List<FieldError> errors) {
            this(new InvalidResourceException(what, errors));
        }

        /** Every problem, in the order found. */
        public List<FieldError> errors() {
            return errors;
        }

        /** The printed paths of every problem, such as {@code spec.replicas}. */
        public List<String> paths() {
            return errors.stream().map(e -> e.path().toString()).toList();
        }
    }

    /**
     * The write is refused by a rule:
     * {@code pods "web" is forbidden: unable to create new content in namespace shop because it is being terminated}.
     */
    public static final class Forbidden extends ApiException {

        /**
         * @param resource the resource as Kubernetes names it in errors, such as {@code pods} or
         *                 {@code deployments.apps}
         * @param name     the object's name
         * @param reason   why, in the user's terms
         */
        public Forbidden(String resource, String name, String reason) {
            super(resource + " \"" + name + "\" is forbidden: " + reason, null);
        }
    }
}

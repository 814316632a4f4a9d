package io.flotilla.api.runtime;

import java.util.Objects;

/**
 * Every failure of a {@link ContainerRuntime}. The message names the object and the runtime's
 * {@linkplain #endpoint() endpoint}; the nested subclasses let callers react by kind: {@link NotFound},
 * {@link AlreadyExists}, {@link InvalidState}, {@link ImagePullFailed} and {@link Unavailable} (retry later).
 * Messages never contain registry credentials or file contents.
 */
public class ContainerRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;

    /**
     * A failure of the runtime at {@code endpoint}.
     *
     * @param endpoint the runtime's endpoint, such as {@code unix:///var/run/docker.sock}; not {@code null}
     * @param message  what went wrong, naming the object; not {@code null}
     * @param cause    the underlying error, or {@code null}
     */
    public ContainerRuntimeException(String endpoint, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message") + " (runtime " + Objects.requireNonNull(endpoint, "endpoint")
                + ")", cause);
        this.endpoint = endpoint;
    }

    /** A failure without an underlying cause. */
    public ContainerRuntimeException(String endpoint, String message) {
        this(endpoint, message, null);
    }

    /** The endpoint of the runtime that failed. */
    public String endpoint() {
        return endpoint;
    }

    /** The kinds of object a runtime manages, for messages and for {@link NotFound}. */
    public enum ObjectKind {
        /** A pod sandbox. */
        SANDBOX("pod sandbox"),
        /** A container. */
        CONTAINER("container"),
        /** An image. */
        IMAGE("image"),
        /** A named volume. */
        VOLUME("volume");

        private final String noun;

        ObjectKind(String noun) {
            this.noun = noun;
        }

        /** The noun used in messages, such as {@code pod sandbox}. */
        public String noun() {
            return noun;
        }
    }

    /** The object does not exist (or no longer exists) on the runtime. */
    public static final class NotFound extends ContainerRuntimeException {
        private static final long serialVersionUID = 1L;
        private final ObjectKind kind;
        private final String id;

        /** {@code kind} {@code id} was not found on the runtime at {@code endpoint}. */
        public NotFound(String endpoint, ObjectKind kind, String id) {
            super(endpoint, kind.noun() + " " + id + " not found");
            this.kind = kind;
            this.id = id;
        }

        /** What kind of object was missing. */
        public ObjectKind kind() {
            return kind;
        }

        /** The id or name that was looked up. */
        public String id() {
            return id;
        }
    }

    /** An object with the same name (or metadata) already exists. */
    public static final class AlreadyExists extends ContainerRuntimeException {
        private static final long serialVersionUID = 1L;

        /** {@code kind} {@code name} already exists on the runtime at {@code endpoint}. */
        public AlreadyExists(String endpoint, ObjectKind kind, String name) {
            super(endpoint, kind.noun() + " " + name + " already exists");
        }
    }

    /** The object exists but is in the wrong state for the call (exec into an exited container, ...). */
    public static final class InvalidState extends ContainerRuntimeException {
        private static final long serialVersionUID = 1L;

        /** A call that the object's current state does not allow. */
        public InvalidState(String endpoint, String message) {
            super(endpoint, message);
        }
    }

    /**
     * Pulling an image failed: Kubernetes' {@code ErrImagePull}. {@link #imageNotFound()} tells a missing image or
     * tag apart from other failures (network, authentication); {@link #daemonMessage()} is the runtime's own words.
     */
    public static final class ImagePullFailed extends ContainerRuntimeException {
        private static final long serialVersionUID = 1L;
        /** The Kubernetes waiting reason for a failed pull. */
        public static final String REASON = "ErrImagePull";
        private final String image;
        private final boolean imageNotFound;
        private final String daemonMessage;

        /**
         * Pulling {@code image} failed.
         *
         * @param imageNotFound whether the registry says the image or tag does not exist
         * @param daemonMessage the runtime's message; must not contain credentials
         */
        public ImagePullFailed(String endpoint, String image, boolean imageNotFound, String daemonMessage,
                               Throwable cause) {
            super(endpoint, "pulling image " + image + " failed: " + daemonMessage, cause);
            this.image = image;
            this.imageNotFound = imageNotFound;
            this.daemonMessage = daemonMessage;
        }

        /** The image reference that was pulled. */
        public String image() {
            return image;
        }

        /** Whether the image or tag does not exist (as opposed to a network or authentication failure). */
        public boolean imageNotFound() {
            return imageNotFound;
        }

        /** The runtime's own message. */
        public String daemonMessage() {
            return daemonMessage;
        }
    }

    /** The runtime does not answer (daemon down, connection refused, timed out); retry later. */
    public static final class Unavailable extends ContainerRuntimeException {
        private static final long serialVersionUID = 1L;

        /** The runtime at {@code endpoint} could not be reached. */
        public Unavailable(String endpoint, String message, Throwable cause) {
            super(endpoint, message, cause);
        }
    }
}

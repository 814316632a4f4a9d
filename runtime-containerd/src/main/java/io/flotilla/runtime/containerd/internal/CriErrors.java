package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Locale;

/**
 * Translates gRPC failures of CRI calls into {@link ContainerRuntimeException}s that name the object, carry the
 * runtime's own words and, where the user can fix something, say how. Immutable and thread-safe.
 */
public final class CriErrors {
    private final String endpoint;

    /** Errors of the runtime at {@code endpoint}. */
    public CriErrors(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The endpoint named in every message. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * The exception for {@code error}, raised while working on {@code kind} {@code id}: CRI's NOT_FOUND as
     * {@link ContainerRuntimeException.NotFound}, a reserved name as {@link ContainerRuntimeException.AlreadyExists},
     * FAILED_PRECONDITION as {@link ContainerRuntimeException.InvalidState}, a socket that does not answer as
     * {@link ContainerRuntimeException.Unavailable}.
     */
    public ContainerRuntimeException translate(StatusRuntimeException error, ObjectKind kind, String id) {
        Status status = error.getStatus();
        String message = runtimeMessage(error);
        return switch (status.getCode()) {
            case NOT_FOUND -> new ContainerRuntimeException.NotFound(endpoint, kind, id);
            case ALREADY_EXISTS -> new ContainerRuntimeException.AlreadyExists(endpoint, kind, id);
            case FAILED_PRECONDITION -> new ContainerRuntimeException.InvalidState(endpoint,
                    kind.noun() + " " + id + ": " + message);
            case UNAVAILABLE, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAUTHENTICATED, PERMISSION_DENIED ->
                    connectionFailure(error, kind.noun() + " " + id);
            default -> byMessage(error, kind, id, message);
        };
    }

    /** A failure of a call that concerns no single object, such as {@code Version} or {@code ListContainers}. */
    public ContainerRuntimeException translate(StatusRuntimeException error, String what) {
        return switch (error.getStatus().getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAUTHENTICATED, PERMISSION_DENIED ->
                    connectionFailure(error, what);
            default -> new ContainerRuntimeException(endpoint, what + " failed: " + runtimeMessage(error), error);
        };
    }

    /** The runtime's message of {@code error}, or its status code when it gave none. */
    public static String runtimeMessage(StatusRuntimeException error) {
        String description = error.getStatus().getDescription();
        return description == null || description.isBlank() ? error.getStatus().getCode().name() : description;
    }

    /** Whether {@code error} says the object is missing, in words when not by code (containerd 1.6 does both). */
    public static boolean isNotFound(StatusRuntimeException error) {
        return error.getStatus().getCode() == Status.Code.NOT_FOUND
                || runtimeMessage(error).toLowerCase(Locale.ROOT).contains("not found");
    }

    private ContainerRuntimeException byMessage(StatusRuntimeException error, ObjectKind kind, String id,
                                                String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("is reserved for") || lower.contains("already exists")) {
            return new ContainerRuntimeException.AlreadyExists(endpoint, kind, id);
        }
        if (lower.contains("an error occurred when try to find") || lower.endsWith("not found")) {
            return new ContainerRuntimeException.NotFound(endpoint, kind, id);
        }
        if (lower.contains("is in container_") || lower.contains("not running") || lower.contains("is not ready")) {
            return new ContainerRuntimeException.InvalidState(endpoint, kind.noun() + " " + id + ": " + message);
        }
        return new ContainerRuntimeException(endpoint, kind.noun() + " " + id + ": " + message, error);
    }

    private ContainerRuntimeException connectionFailure(StatusRuntimeException error, String what) {
        String message = runtimeMessage(error);
        return switch (error.getStatus().getCode()) {
            case UNIMPLEMENTED -> new ContainerRuntimeException(endpoint, "the socket does not serve the CRI "
                    + "runtime.v1 API (" + message + ") while working on " + what + ": " + notCriHint(), error);
            case INTERNAL, UNAUTHENTICATED, PERMISSION_DENIED -> new ContainerRuntimeException(endpoint,
                    "the socket did not answer as a CRI runtime.v1 gRPC server (" + message + ") while working on "
                            + what + ": " + notCriHint(), error);
            default -> new ContainerRuntimeException.Unavailable(endpoint, "containerd does not answer ("
                    + message + ") while working on " + what + ": is it running? Start it (as root: source "
                    + "scripts/lib/runtimes.sh && source scripts/lib/containerd.sh && ensure_containerd) or give the "
                    + "socket of a running containerd; if something runs there, " + notCriHint(), error);
        };
    }

    /** How to fix a socket that is not containerd's CRI. */
    static String notCriHint() {
        return "is this containerd's socket (not Docker's or another service's), version 1.6 or newer, with the "
                + "CRI plugin enabled (no \"cri\" in disabled_plugins of its config.toml)?";
    }
}

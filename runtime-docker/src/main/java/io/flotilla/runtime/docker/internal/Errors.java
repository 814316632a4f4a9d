package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates docker-java's exceptions into {@link ContainerRuntimeException}s that name the object and carry the
 * daemon's own words. Stateless and thread-safe.
 */
public final class Errors {
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status \\d+: ");

    private final String endpoint;

    /** Errors of the runtime at {@code endpoint}. */
    public Errors(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The endpoint named in every message. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * The exception to throw for {@code error}, raised while working on {@code kind} {@code id}: not found,
     * conflicts as invalid state, connection failures as unavailable, anything else as is.
     */
    public ContainerRuntimeException translate(RuntimeException error, ObjectKind kind, String id) {
        if (error instanceof ContainerRuntimeException known) {
            return known;
        }
        if (error instanceof NotFoundException) {
            return new ContainerRuntimeException.NotFound(endpoint, kind, id);
        }
        String message = daemonMessage(error);
        if (error instanceof ConflictException || error instanceof NotModifiedException) {
            return new ContainerRuntimeException.InvalidState(endpoint, kind.noun() + " " + id + ": " + message);
        }
        if (isConnectionFailure(error)) {
            return new ContainerRuntimeException.Unavailable(endpoint, "the Docker engine does not answer ("
                    + message + ") while working on " + kind.noun() + " " + id, error);
        }
        return new ContainerRuntimeException(endpoint, kind.noun() + " " + id + ": " + message, error);
    }

    /** A failure of an operation that concerns no single object. */
    public ContainerRuntimeException translate(RuntimeException error, String what) {
        if (error instanceof ContainerRuntimeException known) {
            return known;
        }
        if (isConnectionFailure(error)) {
            return new ContainerRuntimeException.Unavailable(endpoint, "the Docker engine does not answer ("
                    + daemonMessage(error) + ") while " + what, error);
        }
        return new ContainerRuntimeException(endpoint, what + " failed: " + daemonMessage(error), error);
    }

    /** Whether {@code error} (or a cause) is an I/O failure rather than an answer of the daemon. */
    public static boolean isConnectionFailure(Throwable error) {
        if (error instanceof DockerException) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The daemon's message inside a docker-java exception ({@code Status 404: {"message":"No such container: x"}}
     * becomes {@code No such container: x}); other exceptions' messages unchanged.
     */
    public static String daemonMessage(Throwable error) {
        String raw = error.getMessage();
        if (raw == null) {
            return error.getClass().getSimpleName();
        }
        Matcher json = JSON_MESSAGE.matcher(raw);
        if (json.find()) {
            return json.group(1).replace("\\\"", "\"").replace("\\n", " ").trim();
        }
        if (error instanceof DockerException || error instanceof DockerClientException) {
            return STATUS_PREFIX.matcher(raw.trim()).replaceFirst("");
        }
        return raw.trim();
    }

    /** Whether the daemon's message says it was about a missing image. */
    public static boolean mentionsMissingImage(Throwable error) {
        String message = daemonMessage(error).toLowerCase(java.util.Locale.ROOT);
        return message.contains("no such image") || message.contains("image not found");
    }

    /** Whether the daemon's message says it was about a missing network. */
    public static boolean mentionsMissingNetwork(Throwable error) {
        String message = daemonMessage(error).toLowerCase(java.util.Locale.ROOT);
        return message.contains("network") && message.contains("not found");
    }
}

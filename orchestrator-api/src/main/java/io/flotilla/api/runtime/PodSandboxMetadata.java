package io.flotilla.api.runtime;

import java.util.Objects;

/**
 * Identifies the pod a sandbox belongs to (CRI {@code PodSandboxMetadata}). Immutable.
 *
 * @param name      the pod's name; not {@code null}
 * @param namespace the pod's namespace; not {@code null}
 * @param uid       the pod's uid; not {@code null}
 * @param attempt   how many sandboxes this pod had before this one (0 for the first); not negative
 */
public record PodSandboxMetadata(String name, String namespace, String uid, int attempt) {

    /** Checks the components. */
    public PodSandboxMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(uid, "uid");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative: " + attempt);
        }
    }

    /** {@code namespace/name}, for messages. */
    public String podKey() {
        return namespace + "/" + name;
    }
}

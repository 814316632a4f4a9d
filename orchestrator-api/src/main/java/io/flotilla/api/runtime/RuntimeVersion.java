package io.flotilla.api.runtime;

import java.util.Objects;

/**
 * The runtime's name and versions (CRI {@code VersionResponse}). Immutable.
 *
 * @param runtimeName       such as {@code docker}, {@code containerd} or {@code flotilla-sim}; not {@code null}
 * @param runtimeVersion    the runtime's own version; not {@code null}
 * @param runtimeApiVersion the API version spoken, such as {@code 1.41} or {@code v1}; not {@code null}
 */
public record RuntimeVersion(String runtimeName, String runtimeVersion, String runtimeApiVersion) {

    /** Checks the components. */
    public RuntimeVersion {
        Objects.requireNonNull(runtimeName, "runtimeName");
        Objects.requireNonNull(runtimeVersion, "runtimeVersion");
        Objects.requireNonNull(runtimeApiVersion, "runtimeApiVersion");
    }

    /** As a node reports it ({@code NodeSystemInfo.containerRuntimeVersion}): {@code name://version}. */
    public String describe() {
        return runtimeName + "://" + runtimeVersion;
    }
}

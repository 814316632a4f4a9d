package io.flotilla.api.runtime;

import io.flotilla.api.meta.Quantity;
import java.util.Objects;

/**
 * The host behind a runtime: what a node reports as its capacity and system info. Immutable.
 *
 * @param hostname        the host's name; not {@code null}
 * @param operatingSystem such as {@code linux}; not {@code null}
 * @param architecture    such as {@code amd64}; not {@code null}
 * @param kernelVersion   the kernel's version, or {@code null} when unknown
 * @param cpu             CPU capacity in cores; not {@code null}
 * @param memory          memory capacity in bytes; not {@code null}
 */
public record RuntimeInfo(String hostname, String operatingSystem, String architecture, String kernelVersion,
                          Quantity cpu, Quantity memory) {

    /** Checks the components. */
    public RuntimeInfo {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
    }
}

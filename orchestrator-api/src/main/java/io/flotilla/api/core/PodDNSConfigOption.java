package io.flotilla.api.core;

/**
 * One resolver option of a pod's {@link PodDNSConfig}, written to {@code resolv.conf} as {@code name} or
 * {@code name:value}. Immutable.
 *
 * @param name  the option, such as {@code ndots}
 * @param value its value, or {@code null} for a flag such as {@code rotate}
 */
public record PodDNSConfigOption(String name, String value) {

    /** The option as {@code resolv.conf} writes it: {@code name:value}, or {@code name} without a value. */
    public String toResolvConf() {
        return value == null || value.isEmpty() ? name : name + ":" + value;
    }
}

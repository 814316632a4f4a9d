package io.flotilla.api.core;

import java.util.List;

/**
 * An address at which a node is reachable. Immutable.
 *
 * @param type    {@link #HOSTNAME}, {@link #INTERNAL_IP}, {@link #EXTERNAL_IP}, {@link #INTERNAL_DNS} or
 *                {@link #EXTERNAL_DNS}
 * @param address the address
 */
public record NodeAddress(String type, String address) {
    /** The node's host name. */
    public static final String HOSTNAME = "Hostname";
    /** An IP reachable inside the cluster. */
    public static final String INTERNAL_IP = "InternalIP";
    /** An IP reachable from outside the cluster. */
    public static final String EXTERNAL_IP = "ExternalIP";
    /** A DNS name resolvable inside the cluster. */
    public static final String INTERNAL_DNS = "InternalDNS";
    /** A DNS name resolvable from outside the cluster. */
    public static final String EXTERNAL_DNS = "ExternalDNS";
    /** Every address type. */
    public static final List<String> TYPES = List.of(EXTERNAL_DNS, EXTERNAL_IP, HOSTNAME, INTERNAL_DNS, INTERNAL_IP);

    /** An address of {@code type}. */
    public static NodeAddress of(String type, String address) {
        return new NodeAddress(type, address);
    }
}

package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The {@code resolv.conf} of a pod sandbox (CRI {@code DNSConfig}). Immutable; lists are never {@code null}.
 *
 * @param servers  name server addresses
 * @param searches search domains
 * @param options  resolver options such as {@code ndots:5}
 */
public record DnsConfig(List<String> servers, List<String> searches, List<String> options) {

    /** Normalises the lists. */
    public DnsConfig {
        servers = Immutables.list(servers);
        searches = Immutables.list(searches);
        options = Immutables.list(options);
    }
}

package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * DNS settings of a pod beyond its {@code dnsPolicy} ({@code spec.dnsConfig}): with policy {@code None} they are
 * the pod's whole resolver configuration; with any other policy they are merged into the one the policy gives
 * (name servers and search domains appended, options overriding by name). Immutable; lists are never {@code null}.
 *
 * @param nameservers name server IP addresses, at most 3 in total
 * @param searches    search domains, at most 32 in total
 * @param options     resolver options such as {@code ndots}
 */
public record PodDNSConfig(List<String> nameservers, List<String> searches, List<PodDNSConfigOption> options) {

    /** Normalises the lists. */
    public PodDNSConfig {
        nameservers = Immutables.list(nameservers);
        searches = Immutables.list(searches);
        options = Immutables.list(options);
    }
}

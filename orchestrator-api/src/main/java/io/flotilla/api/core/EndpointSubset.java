package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * A set of addresses that all serve the same ports. Immutable; lists are never {@code null}.
 *
 * @param addresses         the ready endpoints, which receive traffic
 * @param notReadyAddresses the endpoints that are not (yet) ready
 * @param ports             the ports every address serves
 */
public record EndpointSubset(List<EndpointAddress> addresses, List<EndpointAddress> notReadyAddresses,
                             List<EndpointPort> ports) {

    /** Normalises absent lists. */
    public EndpointSubset {
        addresses = Immutables.list(addresses);
        notReadyAddresses = Immutables.list(notReadyAddresses);
        ports = Immutables.list(ports);
    }

    /** A subset of ready addresses serving {@code ports}. */
    public static EndpointSubset of(List<EndpointAddress> addresses, List<EndpointPort> ports) {
        return new EndpointSubset(addresses, List.of(), ports);
    }
}

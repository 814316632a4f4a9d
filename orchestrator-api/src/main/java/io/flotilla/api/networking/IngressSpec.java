package io.flotilla.api.networking;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The desired routing of an Ingress. Immutable; lists are never {@code null}.
 *
 * @param ingressClassName the IngressClass (the controller that serves it); {@code null} for the default
 * @param defaultBackend   where requests that match no rule go
 * @param tls              TLS termination per host
 * @param rules            routes by host and path
 */
public record IngressSpec(String ingressClassName, IngressBackend defaultBackend, List<IngressTls> tls,
                          List<IngressRule> rules) {

    /** Normalises absent lists. */
    public IngressSpec {
        tls = Immutables.list(tls);
        rules = Immutables.list(rules);
    }
}

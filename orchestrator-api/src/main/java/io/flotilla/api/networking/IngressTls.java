package io.flotilla.api.networking;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * TLS termination for some hosts, with the certificate of a {@code kubernetes.io/tls} Secret ({@code IngressTLS} in
 * Kubernetes). Immutable; the list is never {@code null}.
 *
 * @param hosts      the hosts the certificate covers
 * @param secretName the Secret holding {@code tls.crt} and {@code tls.key}
 */
public record IngressTls(List<String> hosts, String secretName) {

    /** Normalises an absent list. */
    public IngressTls {
        hosts = Immutables.list(hosts);
    }
}

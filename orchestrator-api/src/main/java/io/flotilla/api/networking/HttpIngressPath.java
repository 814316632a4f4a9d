package io.flotilla.api.networking;

import java.util.List;

/**
 * A path of an Ingress rule and the backend it routes to ({@code HTTPIngressPath} in Kubernetes). Immutable.
 *
 * @param path     the URL path; must start with '/' for {@link #EXACT} and {@link #PREFIX}
 * @param pathType how {@code path} matches: {@link #EXACT}, {@link #PREFIX} or {@link #IMPLEMENTATION_SPECIFIC};
 *                 required
 * @param backend  where matching requests go; required
 */
public record HttpIngressPath(String path, String pathType, IngressBackend backend) {
    /** The request path must equal {@code path} (case-sensitive). */
    public static final String EXACT = "Exact";
    /** The request path must start with {@code path}, element by element ({@code /foo} matches {@code /foo/bar}). */
    public static final String PREFIX = "Prefix";
    /** Matching is up to the ingress controller; Flotilla's proxy treats it as {@link #PREFIX}. */
    public static final String IMPLEMENTATION_SPECIFIC = "ImplementationSpecific";
    /** Every path type. */
    public static final List<String> PATH_TYPES = List.of(EXACT, IMPLEMENTATION_SPECIFIC, PREFIX);

    /** A {@link #PREFIX} path. */
    public static HttpIngressPath prefix(String path, IngressBackend backend) {
        return new HttpIngressPath(path, PREFIX, backend);
    }

    /** An {@link #EXACT} path. */
    public static HttpIngressPath exact(String path, IngressBackend backend) {
        return new HttpIngressPath(path, EXACT, backend);
    }
}

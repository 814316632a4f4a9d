package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.IntOrString;
import java.util.List;

/**
 * An HTTP GET; a status from 200 to 399 is success ({@code HTTPGetAction} in Kubernetes). Immutable.
 *
 * @param path        the request path, {@code /} when {@code null}
 * @param port        the port number or the name of a container port
 * @param host        the host to connect to, the pod IP when {@code null}
 * @param scheme      {@link #HTTP} (default) or {@link #HTTPS}
 * @param httpHeaders extra request headers
 */
public record HttpGetAction(String path, IntOrString port, String host, String scheme, List<HttpHeader> httpHeaders) {

    /** Plain HTTP. */
    public static final String HTTP = "HTTP";
    /** HTTPS without certificate verification. */
    public static final String HTTPS = "HTTPS";
    /** Every supported scheme. */
    public static final List<String> SCHEMES = List.of(HTTP, HTTPS);

    /** Normalises the headers. */
    public HttpGetAction {
        httpHeaders = Immutables.list(httpHeaders);
    }

    /** GET {@code path} on {@code port} of the pod over HTTP. */
    public static HttpGetAction of(String path, IntOrString port) {
        return new HttpGetAction(path, port, null, null, List.of());
    }
}

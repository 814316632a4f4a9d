package io.flotilla.api.core;

/**
 * A header sent with an HTTP probe ({@code HTTPHeader} in Kubernetes). Immutable.
 *
 * @param name  the header name
 * @param value the header value
 */
public record HttpHeader(String name, String value) {
}

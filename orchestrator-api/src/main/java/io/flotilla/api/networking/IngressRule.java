package io.flotilla.api.networking;

import java.util.List;

/**
 * The routes of one host (or of every host, when {@code host} is unset). Immutable.
 *
 * @param host the host, a DNS name, optionally a wildcard such as {@code *.example.com}; {@code null} matches all
 * @param http the paths
 */
public record IngressRule(String host, HttpIngressRuleValue http) {

    /** A rule routing {@code paths} of {@code host}. */
    public static IngressRule of(String host, HttpIngressPath... paths) {
        return new IngressRule(host, new HttpIngressRuleValue(List.of(paths)));
    }
}

package io.flotilla.api.networking;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The HTTP paths of an Ingress rule ({@code HTTPIngressRuleValue} in Kubernetes). Immutable; never {@code null}.
 *
 * @param paths the paths, at least one
 */
public record HttpIngressRuleValue(List<HttpIngressPath> paths) {

    /** Normalises an absent list. */
    public HttpIngressRuleValue {
        paths = Immutables.list(paths);
    }
}

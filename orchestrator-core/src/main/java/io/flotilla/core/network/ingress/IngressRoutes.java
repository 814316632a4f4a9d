package io.flotilla.core.network.ingress;

import io.flotilla.api.networking.HttpIngressPath;
import io.flotilla.api.networking.Ingress;
import io.flotilla.api.networking.IngressBackend;
import io.flotilla.api.networking.IngressRule;
import io.flotilla.api.networking.ServiceBackendPort;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Matches requests to Ingress backends, after the Kubernetes Ingress rules. Stateless and thread-safe. */
public final class IngressRoutes {

    /**
     * Where a request goes.
     *
     * @param namespace the Ingress's (and the Service's) namespace
     * @param service   the Service's name
     * @param port      the Service's port, by number or name
     */
    public record Route(String namespace, String service, ServiceBackendPort port) {
    }

    private record Candidate(Route route, int length, boolean exact) {
    }

    private IngressRoutes() {
    }

    /**
     * The route of a request for {@code host} (without port; may be {@code null}) and {@code path} across
     * {@code ingresses}: the best path of the rules with exactly this host, else of the wildcard rules matching it,
     * else of the rules without host; else the first default backend.
     */
    public static Optional<Route> match(List<Ingress> ingresses, String host, String path) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        for (int pass = 0; pass < 3; pass++) {
            Candidate best = null;
            for (Ingress ing : ingresses) {
                for (IngressRule rule : ing.spec().rules()) {
                    if (!hostMatches(pass, rule.host(), h) || rule.http() == null) {
                        continue;
                    }
                    for (HttpIngressPath p : rule.http().paths()) {
                        Candidate c = candidate(ing, p, path);
                        if (c != null && (best == null || c.length() > best.length()
                                || (c.length() == best.length() && c.exact() && !best.exact()))) {
                            best = c;
                        }
                    }
                }
            }
            if (best != null) {
                return Optional.of(best.route());
            }
        }
        return ingresses.stream().filter(i -> i.spec().defaultBackend() != null)
                .map(i -> route(i, i.spec().defaultBackend())).flatMap(Optional::stream).findFirst();
    }

    private static boolean hostMatches(int pass, String ruleHost, String host) {
        if (pass == 0) {
            return ruleHost != null && !ruleHost.startsWith("*.") && ruleHost.equalsIgnoreCase(host);
        }
        if (pass == 1) {
            if (ruleHost == null || !ruleHost.startsWith("*.")) {
                return false;
            }
            String suffix = ruleHost.substring(1).toLowerCase(Locale.ROOT);
            return host.endsWith(suffix) && host.indexOf('.') == host.length() - suffix.length();
        }
        return ruleHost == null || ruleHost.isEmpty();
    }

    private static Candidate candidate(Ingress ing, HttpIngressPath p, String path) {
        String want = p.path() == null || p.path().isEmpty() ? "/" : p.path();
        boolean exact = HttpIngressPath.EXACT.equals(p.pathType());
        boolean matches = exact ? want.equals(path) : prefixMatches(want, path);
        if (!matches) {
            return null;
        }
        return route(ing, p.backend()).map(r -> new Candidate(r, want.length(), exact)).orElse(null);
    }

    /** Element-wise prefix match: {@code /foo} matches {@code /foo} and {@code /foo/bar}, not {@code /foobar}. */
    static boolean prefixMatches(String prefix, String path) {
        String p = prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return p.equals("/") || path.equals(p) || path.startsWith(p + "/");
    }

    private static Optional<Route> route(Ingress ing, IngressBackend backend) {
        if (backend == null || backend.service() == null || backend.service().port() == null) {
            return Optional.empty();
        }
        return Optional.of(new Route(ing.metadata().namespace(), backend.service().name(), backend.service().port()));
    }
}

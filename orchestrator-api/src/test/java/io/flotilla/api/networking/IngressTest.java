package io.flotilla.api.networking;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ingress: builder and YAML agree; hosts, paths and backends are validated as Kubernetes does. */
class IngressTest {

    private static List<String> errors(Ingress ingress) {
        ValidationErrors errors = new ValidationErrors();
        Ingress.TYPE.validator().validate(ingress, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    private static Ingress withPath(HttpIngressPath path) {
        return Ingress.named("shop").rule("shop.example.com", path).build();
    }

    @Test
    void builderEqualsYaml() {
        Ingress built = Ingress.named("shop").namespace("shop").ingressClassName("flotilla")
                .defaultBackend(IngressBackend.service("web", 80))
                .rule("shop.example.com",
                        HttpIngressPath.prefix("/", IngressBackend.service("web", 80)),
                        HttpIngressPath.exact("/healthz", IngressBackend.service("api", "http")))
                .tls("shop-tls", "shop.example.com")
                .build();
        Ingress loaded = Manifests.strict().readOne("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, namespace: shop}
                spec:
                  ingressClassName: flotilla
                  defaultBackend: {service: {name: web, port: {number: 80}}}
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                  rules:
                    - host: shop.example.com
                      http:
                        paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                          - {path: /healthz, pathType: Exact, backend: {service: {name: api, port: {name: http}}}}
                """, Ingress.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(errors(built)).isEmpty();
    }

    @Test
    void needsRulesOrADefaultBackend() {
        assertThat(errors(Ingress.named("shop").build()))
                .containsExactly("spec: Invalid value: either `defaultBackend` or `rules` must be specified");
        assertThat(errors(Ingress.named("shop").defaultBackend(IngressBackend.service("web", 80)).build())).isEmpty();
    }

    @Test
    void pathTypesAndAbsolutePaths() {
        assertThat(errors(withPath(new HttpIngressPath("/", null, IngressBackend.service("web", 80)))))
                .containsExactly("spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified");
        assertThat(errors(withPath(new HttpIngressPath("/", "Regex", IngressBackend.service("web", 80)))))
                .containsExactly("spec.rules[0].http.paths[0].pathType: Unsupported value: \"Regex\": supported "
                        + "values: \"Exact\", \"ImplementationSpecific\", \"Prefix\"");
        assertThat(errors(withPath(HttpIngressPath.prefix("api", IngressBackend.service("web", 80)))))
                .containsExactly("spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path");
        assertThat(errors(withPath(HttpIngressPath.exact("/a/../b", IngressBackend.service("web", 80)))))
                .containsExactly("spec.rules[0].http.paths[0].path: Invalid value: \"/a/../b\": must not contain "
                        + "'/../'");
        assertThat(errors(withPath(new HttpIngressPath(null, HttpIngressPath.IMPLEMENTATION_SPECIFIC,
                IngressBackend.service("web", 80))))).isEmpty();
    }

    @Test
    void backendsNameAServiceAndExactlyOnePort() {
        assertThat(errors(withPath(HttpIngressPath.prefix("/", new IngressBackend(
                new IngressServiceBackend("web", new ServiceBackendPort("http", 80)), null)))))
                .containsExactly("spec.rules[0].http.paths[0].backend.service.port: Invalid value: cannot set both "
                        + "port name & port number");
        assertThat(errors(withPath(HttpIngressPath.prefix("/", new IngressBackend(
                new IngressServiceBackend("web", null), null)))))
                .containsExactly("spec.rules[0].http.paths[0].backend.service.port: Required value: port name or "
                        + "number is required");
        assertThat(errors(withPath(HttpIngressPath.prefix("/", IngressBackend.service("web", 0)))))
                .containsExactly("spec.rules[0].http.paths[0].backend.service.port: Required value: port name or "
                        + "number is required");
        assertThat(errors(withPath(HttpIngressPath.prefix("/", new IngressBackend(null, null)))))
                .containsExactly("spec.rules[0].http.paths[0].backend: Invalid value: resource or service backend "
                        + "is required");
        assertThat(errors(withPath(HttpIngressPath.prefix("/", IngressBackend.service("Web", 70000)))))
                .extracting(s -> s.substring(0, s.indexOf(':'))).containsExactly(
                        "spec.rules[0].http.paths[0].backend.service.name",
                        "spec.rules[0].http.paths[0].backend.service.port.number");
    }

    @Test
    void hostsAreDnsNamesWithOptionalWildcard() {
        HttpIngressPath root = HttpIngressPath.prefix("/", IngressBackend.service("web", 80));

        assertThat(errors(Ingress.named("i").rule("*.example.com", root).build())).isEmpty();
        assertThat(errors(Ingress.named("i").rule(null, root).build())).isEmpty();
        assertThat(errors(Ingress.named("i").rule("*example.com", root).build())).singleElement().asString()
                .startsWith("spec.rules[0].host: Invalid value: \"*example.com\"");
        assertThat(errors(Ingress.named("i").rule("*.Example.com", root).build())).singleElement().asString()
                .contains("wildcard DNS-1123 subdomain");
        assertThat(errors(Ingress.named("i").rule("192.0.2.1", root).build()))
                .containsExactly("spec.rules[0].host: Invalid value: \"192.0.2.1\": must be a DNS name, not an IP "
                        + "address");
    }
}

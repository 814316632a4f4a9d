package io.flotilla.api.networking;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validation of {@link Ingress}, after Kubernetes' {@code ValidateIngressSpec}: a default backend or rules, host
 * names (wildcards allowed, IPs not), path types and absolute, normalised paths, and backends naming a Service and
 * exactly one of its port's number or name (or another resource).
 */
final class IngressValidation {
    private static final FieldPath SPEC = FieldPath.of("spec");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final List<String> BAD_SEGMENTS = List.of("//", "/./", "/../");

    private IngressValidation() {
    }

    static void validate(Ingress ingress, ValidationErrors errors) {
        Checks.objectMeta(ingress.metadata(), Ingress.TYPE.namespaced(), false, errors);
        IngressSpec spec = ingress.spec();
        if (spec.rules().isEmpty() && spec.defaultBackend() == null) {
            errors.invalid(SPEC, null, "either `defaultBackend` or `rules` must be specified");
        }
        if (spec.ingressClassName() != null) {
            Checks.dns1123Subdomain(spec.ingressClassName(), SPEC.child("ingressClassName"), errors);
        }
        if (spec.defaultBackend() != null) {
            backend(spec.defaultBackend(), SPEC.child("defaultBackend"), errors);
        }
        for (int i = 0; i < spec.tls().size(); i++) {
            IngressTls tls = spec.tls().get(i);
            FieldPath at = SPEC.child("tls").index(i);
            for (int j = 0; j < tls.hosts().size(); j++) {
                host(tls.hosts().get(j), at.child("hosts").index(j), errors);
            }
            if (tls.secretName() != null && !tls.secretName().isEmpty()) {
                Checks.dns1123Subdomain(tls.secretName(), at.child("secretName"), errors);
            }
        }
        for (int i = 0; i < spec.rules().size(); i++) {
            rule(spec.rules().get(i), SPEC.child("rules").index(i), errors);
        }
    }

    private static void rule(IngressRule rule, FieldPath at, ValidationErrors errors) {
        if (rule.host() != null && !rule.host().isEmpty()) {
            host(rule.host(), at.child("host"), errors);
        }
        if (rule.http() == null) {
            return;
        }
        FieldPath paths = at.child("http").child("paths");
        if (rule.http().paths().isEmpty()) {
            errors.required(paths, "");
        }
        for (int j = 0; j < rule.http().paths().size(); j++) {
            path(rule.http().paths().get(j), paths.index(j), errors);
        }
    }

    /** A DNS-1123 subdomain, or a wildcard {@code *.} followed by one; never an IP address. */
    private static void host(String host, FieldPath path, ValidationErrors errors) {
        if (IPV4.matcher(host).matches() || host.contains(":")) {
            errors.invalid(path, host, "must be a DNS name, not an IP address");
        } else if (host.startsWith("*.")) {
            if (!Checks.dns1123Subdomain(host.substring(2), FieldPath.root(), new ValidationErrors())) {
                errors.invalid(path, host, "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid "
                        + "DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and "
                        + "end with an alphanumeric character (e.g. '*.example.com')");
            }
        } else {
            Checks.dns1123Subdomain(host, path, errors);
        }
    }

    private static void path(HttpIngressPath p, FieldPath at, ValidationErrors errors) {
        String type = p.pathType();
        if (type == null || type.isEmpty()) {
            errors.required(at.child("pathType"), "pathType must be specified");
        } else if (Checks.oneOf(type, HttpIngressPath.PATH_TYPES, at.child("pathType"), errors)) {
            String path = p.path();
            boolean strict = !type.equals(HttpIngressPath.IMPLEMENTATION_SPECIFIC);
            if ((strict || (path != null && !path.isEmpty())) && (path == null || !path.startsWith("/"))) {
                errors.invalid(at.child("path"), path, "must be an absolute path");
            } else if (strict) {
                for (String bad : BAD_SEGMENTS) {
                    if (path.contains(bad)) {
                        errors.invalid(at.child("path"), path, "must not contain '" + bad + "'");
                    }
                }
                if (path.endsWith("/..") || path.endsWith("/.")) {
                    errors.invalid(at.child("path"), path, "cannot end with '" + path.substring(path.lastIndexOf('/'))
                            + "'");
                }
            }
        }
        if (p.backend() == null) {
            errors.required(at.child("backend"), "");
        } else {
            backend(p.backend(), at.child("backend"), errors);
        }
    }

    private static void backend(IngressBackend backend, FieldPath at, ValidationErrors errors) {
        if (backend.service() != null && backend.resource() != null) {
            errors.invalid(at, null, "cannot set both resource and service backends");
        } else if (backend.service() == null && backend.resource() == null) {
            errors.invalid(at, null, "resource or service backend is required");
        } else if (backend.resource() != null) {
            Checks.required(backend.resource().kind(), at.child("resource").child("kind"), errors);
            Checks.required(backend.resource().name(), at.child("resource").child("name"), errors);
        } else {
            serviceBackend(backend.service(), at.child("service"), errors);
        }
    }

    private static void serviceBackend(IngressServiceBackend service, FieldPath at, ValidationErrors errors) {
        String name = service.name();
        if (Checks.required(name, at.child("name"), errors) && !DNS1035_LABEL.matcher(name).matches()) {
            errors.invalid(at.child("name"), name, "a DNS-1035 label must consist of lower case alphanumeric "
                    + "characters or '-', start with an alphabetic character, and end with an alphanumeric character "
                    + "(e.g. 'my-name', or 'abc-123')");
        }
        ServiceBackendPort port = service.port();
        boolean hasName = port != null && port.name() != null && !port.name().isEmpty();
        boolean hasNumber = port != null && port.number() != null && port.number() != 0;
        if (hasName && hasNumber) {
            errors.invalid(at.child("port"), null, "cannot set both port name & port number");
        } else if (hasName) {
            Checks.portName(port.name(), at.child("port").child("name"), errors);
        } else if (hasNumber) {
            Checks.port(port.number(), at.child("port").child("number"), errors);
        } else {
            errors.required(at.child("port"), "port name or number is required");
        }
    }
}

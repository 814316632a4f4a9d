package io.flotilla.api.core;

import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validation of {@link Service}, after Kubernetes' {@code ValidateService}: the name, type, ports (numbers, names,
 * uniqueness, target ports, node ports only where used), cluster IPs (including headless rules), ExternalName,
 * session affinity and traffic policies. Node port ranges are checked later, by allocation.
 */
final class ServiceValidation {
    private static final FieldPath SPEC = FieldPath.of("spec");
    private static final int MAX_AFFINITY_TIMEOUT = 86400;

    private ServiceValidation() {
    }

    static void validate(Service service, ValidationErrors errors) {
        Checks.objectMeta(service.metadata(), Service.TYPE.namespaced(), true, errors);
        name(service.metadata().name(), errors);
        ServiceSpec spec = service.spec();
        Checks.oneOf(spec.type(), ServiceSpec.TYPES, SPEC.child("type"), errors);
        if (spec.ports().isEmpty() && !spec.isHeadless()
                && !ServiceSpec.TYPE_EXTERNAL_NAME.equals(spec.effectiveType())) {
            errors.required(SPEC.child("ports"), "");
        }
        ports(spec, errors);
        Checks.labels(spec.selector(), SPEC.child("selector"), errors);
        clusterIPs(spec, errors);
        externalName(spec, errors);
        affinity(spec, errors);
        trafficAndAddresses(spec, errors);
    }

    /** Service names become DNS labels under the namespace, so they must start with a letter (DNS-1035). */
    private static void name(String name, ValidationErrors errors) {
        if (name != null && !name.isEmpty() && !Character.isLetter(name.charAt(0))
                && Checks.dns1123Label(name, FieldPath.root(), new ValidationErrors())) {
            NetworkChecks.dns1035Label(name, FieldPath.of("metadata").child("name"), errors);
        }
    }

    private static void ports(ServiceSpec spec, ValidationErrors errors) {
        FieldPath path = SPEC.child("ports");
        List<ServicePort> ports = spec.ports();
        Set<String> names = new HashSet<>();
        Set<String> portProtocols = new HashSet<>();
        Set<String> nodePorts = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort p = ports.get(i);
            FieldPath at = path.index(i);
            port(p, spec, ports.size() > 1, at, errors);
            if (p.name() != null && !p.name().isEmpty() && !names.add(p.name())) {
                errors.add(FieldError.duplicate(at.child("name"), p.name()));
            }
            if (p.port() != null && !portProtocols.add(p.port() + "/" + p.effectiveProtocol())) {
                errors.add(FieldError.duplicate(at, p.port() + "/" + p.effectiveProtocol()));
            }
            if (p.nodePort() != null && p.nodePort() != 0
                    && !nodePorts.add(p.nodePort() + "/" + p.effectiveProtocol())) {
                errors.add(FieldError.duplicate(at.child("nodePort"), p.nodePort()));
            }
        }
    }

    private static void port(ServicePort p, ServiceSpec spec, boolean many, FieldPath at, ValidationErrors errors) {
        NetworkChecks.namedPort(p.name(), p.port(), p.protocol(), p.appProtocol(), many, at, errors);
        IntOrString target = p.targetPort();
        if (target != null) {
            if (target.isInt()) {
                Checks.port(target.intValue(), at.child("targetPort"), errors);
            } else {
                Checks.portName(target.stringValue(), at.child("targetPort"), errors);
            }
        }
        if (p.nodePort() != null && p.nodePort() != 0) {
            if (!spec.usesNodePorts()) {
                errors.add(FieldError.forbidden(at.child("nodePort"),
                        "may not be used when `type` is '" + spec.effectiveType() + "'"));
            } else {
                Checks.port(p.nodePort(), at.child("nodePort"), errors);
            }
        }
        if (p.appProtocol() != null) {
            Checks.qualifiedName(p.appProtocol(), at.child("appProtocol"), errors);
        }
    }

    private static void clusterIPs(ServiceSpec spec, ValidationErrors errors) {
        String ip = spec.clusterIP();
        if (ip != null && !ip.isEmpty() && !spec.isHeadless()) {
            NetworkChecks.ip(ip, SPEC.child("clusterIP"), errors);
        }
        if (spec.isHeadless() && spec.usesNodePorts()) {
            errors.invalid(SPEC.child("clusterIP"), ip, "may not be set to 'None' for " + spec.effectiveType()
                    + " services");
        }
        FieldPath ips = SPEC.child("clusterIPs");
        if (spec.clusterIPs().size() > 2) {
            errors.invalid(ips, null, "may only hold up to 2 values");
        }
        for (int i = 0; i < spec.clusterIPs().size(); i++) {
            String each = spec.clusterIPs().get(i);
            if (i == 0 && ip != null && !ip.isEmpty() && !ip.equals(each)) {
                errors.invalid(ips.index(0), each, "must match `clusterIP` when `clusterIP` is set");
            } else if (ServiceSpec.CLUSTER_IP_NONE.equals(each)) {
                if (spec.clusterIPs().size() > 1) {
                    errors.invalid(ips.index(i), each, "'None' must be the only value");
                }
            } else {
                NetworkChecks.ip(each, ips.index(i), errors);
            }
        }
    }

    private static void externalName(ServiceSpec spec, ValidationErrors errors) {
        if (!ServiceSpec.TYPE_EXTERNAL_NAME.equals(spec.effectiveType())) {
            return;
        }
        if (spec.clusterIP() != null && !spec.clusterIP().isEmpty()) {
            errors.add(FieldError.forbidden(SPEC.child("clusterIP"), "may not be set for ExternalName services"));
        }
        if (!spec.clusterIPs().isEmpty()) {
            errors.add(FieldError.forbidden(SPEC.child("clusterIPs"), "may not be set for ExternalName services"));
        }
        String name = spec.externalName();
        if (Checks.required(name, SPEC.child("externalName"), errors)) {
            String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            Checks.dns1123Subdomain(trimmed, SPEC.child("externalName"), errors);
        }
    }

    private static void affinity(ServiceSpec spec, ValidationErrors errors) {
        Checks.oneOf(spec.sessionAffinity(), ServiceSpec.SESSION_AFFINITIES, SPEC.child("sessionAffinity"), errors);
        SessionAffinityConfig config = spec.sessionAffinityConfig();
        if (config == null) {
            return;
        }
        FieldPath path = SPEC.child("sessionAffinityConfig");
        if (!ServiceSpec.AFFINITY_CLIENT_IP.equals(spec.sessionAffinity())) {
            errors.add(FieldError.forbidden(path, "must not be set when session affinity is "
                    + (spec.sessionAffinity() == null ? ServiceSpec.AFFINITY_NONE : spec.sessionAffinity())));
        } else if (config.clientIP() != null && config.clientIP().timeoutSeconds() != null) {
            int timeout = config.clientIP().timeoutSeconds();
            if (timeout <= 0 || timeout > MAX_AFFINITY_TIMEOUT) {
                errors.invalid(path.child("clientIP").child("timeoutSeconds"), timeout,
                        "must be greater than 0 and less than or equal to " + MAX_AFFINITY_TIMEOUT);
            }
        }
    }

    private static void trafficAndAddresses(ServiceSpec spec, ValidationErrors errors) {
        FieldPath external = SPEC.child("externalTrafficPolicy");
        if (Checks.oneOf(spec.externalTrafficPolicy(), ServiceSpec.TRAFFIC_POLICIES, external, errors)
                && spec.externalTrafficPolicy() != null && !spec.usesNodePorts() && spec.externalIPs().isEmpty()) {
            errors.invalid(external, spec.externalTrafficPolicy(), "may only be set for externally-accessible services");
        }
        Checks.oneOf(spec.internalTrafficPolicy(), ServiceSpec.TRAFFIC_POLICIES, SPEC.child("internalTrafficPolicy"),
                errors);
        for (int i = 0; i < spec.externalIPs().size(); i++) {
            NetworkChecks.ip(spec.externalIPs().get(i), SPEC.child("externalIPs").index(i), errors);
        }
        if (spec.loadBalancerIP() != null && !spec.loadBalancerIP().isEmpty()) {
            NetworkChecks.ip(spec.loadBalancerIP(), SPEC.child("loadBalancerIP"), errors);
        }
        for (int i = 0; i < spec.loadBalancerSourceRanges().size(); i++) {
            FieldPath at = SPEC.child("loadBalancerSourceRanges").index(i);
            NetworkChecks.cidr(spec.loadBalancerSourceRanges().get(i), at, errors);
        }
        for (int i = 0; i < spec.ipFamilies().size(); i++) {
            Checks.oneOf(spec.ipFamilies().get(i), ServiceSpec.IP_FAMILIES, SPEC.child("ipFamilies").index(i), errors);
        }
        Checks.oneOf(spec.ipFamilyPolicy(), ServiceSpec.IP_FAMILY_POLICIES, SPEC.child("ipFamilyPolicy"), errors);
        Checks.nonNegative(spec.healthCheckNodePort(), SPEC.child("healthCheckNodePort"), errors);
    }
}

package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;

/** Validation of {@link Endpoints}: every subset has addresses and ports, IPs and ports are well-formed. */
final class EndpointsValidation {
    private EndpointsValidation() {
    }

    static void validate(Endpoints endpoints, ValidationErrors errors) {
        Checks.objectMeta(endpoints.metadata(), Endpoints.TYPE.namespaced(), false, errors);
        FieldPath subsets = FieldPath.of("subsets");
        for (int i = 0; i < endpoints.subsets().size(); i++) {
            EndpointSubset subset = endpoints.subsets().get(i);
            FieldPath at = subsets.index(i);
            if (subset.addresses().isEmpty() && subset.notReadyAddresses().isEmpty()) {
                errors.required(at, "must specify `addresses` or `notReadyAddresses`");
            }
            addresses(subset.addresses(), at.child("addresses"), errors);
            addresses(subset.notReadyAddresses(), at.child("notReadyAddresses"), errors);
            ports(subset.ports(), at.child("ports"), errors);
        }
    }

    private static void addresses(List<EndpointAddress> addresses, FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < addresses.size(); i++) {
            EndpointAddress a = addresses.get(i);
            FieldPath at = path.index(i);
            if (Checks.required(a.ip(), at.child("ip"), errors)) {
                NetworkChecks.ip(a.ip(), at.child("ip"), errors);
            }
            if (a.hostname() != null && !a.hostname().isEmpty()) {
                Checks.dns1123Label(a.hostname(), at.child("hostname"), errors);
            }
            if (a.nodeName() != null && !a.nodeName().isEmpty()) {
                Checks.dns1123Subdomain(a.nodeName(), at.child("nodeName"), errors);
            }
        }
    }

    private static void ports(List<EndpointPort> ports, FieldPath path, ValidationErrors errors) {
        if (ports.isEmpty()) {
            errors.required(path, "");
        }
        for (int i = 0; i < ports.size(); i++) {
            EndpointPort p = ports.get(i);
            NetworkChecks.namedPort(p.name(), p.port(), p.protocol(), p.appProtocol(), ports.size() > 1,
                    path.index(i), errors);
        }
        Checks.unique(ports, EndpointPort::name, path, "name", errors);
    }
}

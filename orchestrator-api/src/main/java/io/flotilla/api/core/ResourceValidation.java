package io.flotilla.api.core;

import io.flotilla.api.meta.Quantity;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.Map;
import java.util.Set;

/**
 * Validation of container resource requirements: known or fully qualified names, non-negative quantities,
 * requests no larger than limits. Stateless.
 */
final class ResourceValidation {
    private static final Set<String> STANDARD = Set.of(ResourceRequirements.CPU, ResourceRequirements.MEMORY,
            ResourceRequirements.EPHEMERAL_STORAGE);

    private ResourceValidation() {
    }

    static void resources(ResourceRequirements r, FieldPath path, ValidationErrors errors) {
        if (r == null) {
            return;
        }
        FieldPath limits = path.child("limits");
        for (Map.Entry<String, Quantity> e : r.limits().entrySet()) {
            entry(e.getKey(), e.getValue(), limits.key(e.getKey()), errors);
        }
        FieldPath requests = path.child("requests");
        for (Map.Entry<String, Quantity> e : r.requests().entrySet()) {
            FieldPath at = requests.key(e.getKey());
            if (!entry(e.getKey(), e.getValue(), at, errors)) {
                continue;
            }
            Quantity limit = r.limits().get(e.getKey());
            if (limit != null && e.getValue().compareTo(limit) > 0) {
                errors.invalid(at, e.getValue().toString(),
                        "must be less than or equal to " + e.getKey() + " limit of " + limit);
            }
        }
    }

    private static boolean entry(String name, Quantity quantity, FieldPath path, ValidationErrors errors) {
        boolean ok = name(name, path, errors);
        if (quantity == null) {
            errors.required(path, "");
            return false;
        }
        if (quantity.value().signum() < 0) {
            errors.invalid(path, quantity.toString(), "must be greater than or equal to 0");
            return false;
        }
        return ok;
    }

    /** A standard name (cpu, memory, ephemeral-storage, hugepages-<size>) or a domain-qualified extended name. */
    private static boolean name(String name, FieldPath path, ValidationErrors errors) {
        if (STANDARD.contains(name)) {
            return true;
        }
        if (name.startsWith("hugepages-")) {
            try {
                Quantity.parse(name.substring("hugepages-".length()));
                return true;
            } catch (IllegalArgumentException e) {
                errors.invalid(path, name, "must be a standard resource type or fully qualified");
                return false;
            }
        }
        if (!name.contains("/") || name.startsWith("kubernetes.io/") || name.startsWith("requests.")) {
            errors.invalid(path, name, "must be a standard resource type or fully qualified");
            return false;
        }
        return Checks.qualifiedName(name, path, errors);
    }
}

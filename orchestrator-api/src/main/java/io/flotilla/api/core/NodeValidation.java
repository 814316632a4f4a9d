package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validation of {@link Node}: taints (key, value, effect, unique per key and effect), pod CIDRs, and in the status
 * non-negative resources, condition statuses and address types.
 */
final class NodeValidation {
    private NodeValidation() {
    }

    static void validate(Node node, ValidationErrors errors) {
        Checks.objectMeta(node.metadata(), Node.TYPE.namespaced(), false, errors);
        FieldPath spec = FieldPath.of("spec");
        taints(node.spec().taints(), spec.child("taints"), errors);
        podCIDRs(node.spec(), spec, errors);
        if (node.status() != null) {
            status(node.status(), FieldPath.of("status"), errors);
        }
    }

    private static void taints(List<Taint> taints, FieldPath path, ValidationErrors errors) {
        Set<String> keyEffects = new HashSet<>();
        for (int i = 0; i < taints.size(); i++) {
            Taint t = taints.get(i);
            FieldPath at = path.index(i);
            if (Checks.required(t.key(), at.child("key"), errors)) {
                Checks.qualifiedName(t.key(), at.child("key"), errors);
            }
            if (t.value() != null) {
                Checks.labelValue(t.value(), at.child("value"), errors);
            }
            if (t.effect() == null || t.effect().isEmpty()) {
                errors.required(at.child("effect"), "");
            } else {
                Checks.oneOf(t.effect(), Taint.EFFECTS, at.child("effect"), errors);
            }
            if (t.key() != null && t.effect() != null && !keyEffects.add(t.key() + ":" + t.effect())) {
                errors.add(FieldError.duplicate(at, t.key() + ":" + t.effect()));
            }
        }
    }

    private static void podCIDRs(NodeSpec spec, FieldPath path, ValidationErrors errors) {
        if (spec.podCIDR() != null && !spec.podCIDR().isEmpty()) {
            NetworkChecks.cidr(spec.podCIDR(), path.child("podCIDR"), errors);
        }
        FieldPath cidrs = path.child("podCIDRs");
        if (spec.podCIDRs().size() > 2) {
            errors.invalid(cidrs, null, "may specify no more than one CIDR for each IP family");
        }
        for (int i = 0; i < spec.podCIDRs().size(); i++) {
            String cidr = spec.podCIDRs().get(i);
            if (i == 0 && spec.podCIDR() != null && !spec.podCIDR().isEmpty() && !spec.podCIDR().equals(cidr)) {
                errors.invalid(cidrs.index(0), cidr, "must match `podCIDR`");
            } else {
                NetworkChecks.cidr(cidr, cidrs.index(i), errors);
            }
        }
    }

    private static void status(NodeStatus status, FieldPath path, ValidationErrors errors) {
        QuantityChecks.nonNegative(status.capacity(), path.child("capacity"), errors);
        QuantityChecks.nonNegative(status.allocatable(), path.child("allocatable"), errors);
        FieldPath conditions = path.child("conditions");
        for (int i = 0; i < status.conditions().size(); i++) {
            NodeCondition c = status.conditions().get(i);
            Checks.required(c.type(), conditions.index(i).child("type"), errors);
            if (Checks.required(c.status(), conditions.index(i).child("status"), errors)) {
                Checks.oneOf(c.status(), NodeCondition.STATUSES, conditions.index(i).child("status"), errors);
            }
        }
        Checks.unique(status.conditions(), NodeCondition::type, conditions, "type", errors);
        FieldPath addresses = path.child("addresses");
        for (int i = 0; i < status.addresses().size(); i++) {
            NodeAddress a = status.addresses().get(i);
            if (Checks.required(a.type(), addresses.index(i).child("type"), errors)) {
                Checks.oneOf(a.type(), NodeAddress.TYPES, addresses.index(i).child("type"), errors);
            }
            Checks.required(a.address(), addresses.index(i).child("address"), errors);
        }
    }
}

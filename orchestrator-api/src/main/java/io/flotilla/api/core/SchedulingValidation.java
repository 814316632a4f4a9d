package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of tolerations and topology spread constraints. Stateless. */
final class SchedulingValidation {
    private SchedulingValidation() {
    }

    static void tolerations(List<Toleration> tolerations, FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < tolerations.size(); i++) {
            toleration(tolerations.get(i), path.index(i), errors);
        }
    }

    private static void toleration(Toleration t, FieldPath path, ValidationErrors errors) {
        boolean emptyKey = t.key() == null || t.key().isEmpty();
        if (!emptyKey) {
            Checks.qualifiedName(t.key(), path.child("key"), errors);
        }
        String op = t.operator() == null || t.operator().isEmpty() ? Toleration.EQUAL : t.operator();
        if (emptyKey && !Toleration.EXISTS.equals(op)) {
            errors.invalid(path.child("operator"), t.operator(),
                    "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
        }
        switch (op) {
            case Toleration.EQUAL -> {
                if (t.value() != null) {
                    Checks.labelValue(t.value(), path.child("value"), errors);
                }
            }
            case Toleration.EXISTS -> {
                if (t.value() != null && !t.value().isEmpty()) {
                    errors.invalid(path.child("operator"), t.value(), "value must be empty when `operator` is 'Exists'");
                }
            }
            default -> errors.add(FieldError.notSupported(path.child("operator"), t.operator(),
                    Toleration.OPERATORS));
        }
        if (t.effect() != null && !t.effect().isEmpty()) {
            Checks.oneOf(t.effect(), Toleration.EFFECTS, path.child("effect"), errors);
        }
        if (t.tolerationSeconds() != null && !Toleration.NO_EXECUTE.equals(t.effect())) {
            errors.invalid(path.child("effect"), t.effect(),
                    "effect must be 'NoExecute' when `tolerationSeconds` is set");
        }
    }

    static void topologySpread(List<TopologySpreadConstraint> constraints, FieldPath path, ValidationErrors errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < constraints.size(); i++) {
            TopologySpreadConstraint c = constraints.get(i);
            FieldPath at = path.index(i);
            if (c.maxSkew() == null || c.maxSkew() <= 0) {
                errors.invalid(at.child("maxSkew"), c.maxSkew(), "must be greater than zero");
            }
            FieldPath key = at.child("topologyKey");
            boolean keyOk = c.topologyKey() != null && !c.topologyKey().isEmpty();
            if (!keyOk) {
                errors.required(key, "can not be empty");
            } else {
                keyOk = Checks.qualifiedName(c.topologyKey(), key, errors);
            }
            FieldPath when = at.child("whenUnsatisfiable");
            if (c.whenUnsatisfiable() == null || c.whenUnsatisfiable().isEmpty()) {
                errors.add(FieldError.notSupported(when, "", TopologySpreadConstraint.WHEN_UNSATISFIABLE));
            } else if (Checks.oneOf(c.whenUnsatisfiable(), TopologySpreadConstraint.WHEN_UNSATISFIABLE, when, errors)
                    && keyOk && !seen.add(c.topologyKey() + "/" + c.whenUnsatisfiable())) {
                errors.add(FieldError.duplicate(at, "{" + c.topologyKey() + ", " + c.whenUnsatisfiable() + "}"));
            }
            if (c.minDomains() != null) {
                if (c.minDomains() <= 0) {
                    errors.invalid(at.child("minDomains"), c.minDomains(), "must be greater than 0");
                } else if (!TopologySpreadConstraint.DO_NOT_SCHEDULE.equals(c.whenUnsatisfiable())) {
                    errors.invalid(at.child("minDomains"), c.minDomains(),
                            "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + c.whenUnsatisfiable());
                }
            }
            AffinityValidation.labelSelector(c.labelSelector(), at.child("labelSelector"), errors);
        }
    }
}

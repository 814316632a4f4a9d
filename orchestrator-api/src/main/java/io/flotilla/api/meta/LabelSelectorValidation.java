package io.flotilla.api.meta;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;

/**
 * Validation of a {@link LabelSelector} with Kubernetes' rules and field paths ({@code ValidateLabelSelector}):
 * {@code matchLabels} keys and values are valid labels; every requirement has a supported operator, a valid key,
 * values exactly when the operator takes them, and valid values. Stateless and thread-safe.
 */
public final class LabelSelectorValidation {
    private LabelSelectorValidation() {
    }

    /**
     * Adds every problem of {@code selector} to {@code errors}, at paths under {@code path} such as
     * {@code spec.selector.matchLabels} or {@code spec.selector.matchExpressions[0].operator}. A {@code null}
     * selector is valid (whether one is required is the caller's rule).
     *
     * @param selector the selector, or {@code null}
     * @param path     where the selector is, such as {@code spec.selector}
     * @param errors   where problems go
     * @return whether the selector is valid
     */
    public static boolean validate(LabelSelector selector, FieldPath path, ValidationErrors errors) {
        if (selector == null) {
            return true;
        }
        boolean ok = Checks.labels(selector.matchLabels(), path.child("matchLabels"), errors);
        List<LabelSelectorRequirement> expressions = selector.matchExpressions();
        for (int i = 0; i < expressions.size(); i++) {
            ok &= requirement(expressions.get(i), path.child("matchExpressions").index(i), errors);
        }
        return ok;
    }

    /**
     * Adds every problem of one requirement to {@code errors}, at paths under {@code path} such as
     * {@code matchExpressions[0].values}.
     *
     * @return whether the requirement is valid
     */
    public static boolean requirement(LabelSelectorRequirement requirement, FieldPath path, ValidationErrors errors) {
        boolean ok = operatorAndValues(requirement, path, errors);
        FieldPath key = path.child("key");
        ok &= Checks.required(requirement.key(), key, errors) && Checks.qualifiedName(requirement.key(), key, errors);
        FieldPath values = path.child("values");
        for (int i = 0; i < requirement.values().size(); i++) {
            ok &= Checks.labelValue(requirement.values().get(i), values.index(i), errors);
        }
        return ok;
    }

    private static boolean operatorAndValues(LabelSelectorRequirement r, FieldPath path, ValidationErrors errors) {
        String operator = r.operator();
        if (!Checks.required(operator, path.child("operator"), errors)) {
            return false;
        }
        switch (operator) {
            case LabelSelectorRequirement.IN, LabelSelectorRequirement.NOT_IN -> {
                if (r.values().isEmpty()) {
                    errors.required(path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
                    return false;
                }
                return true;
            }
            case LabelSelectorRequirement.EXISTS, LabelSelectorRequirement.DOES_NOT_EXIST -> {
                if (!r.values().isEmpty()) {
                    errors.add(FieldError.forbidden(path.child("values"),
                            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    return false;
                }
                return true;
            }
            default -> {
                errors.add(FieldError.notSupported(path.child("operator"), operator,
                        LabelSelectorRequirement.OPERATORS));
                return false;
            }
        }
    }
}

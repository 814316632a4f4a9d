package io.flotilla.api.core;

import io.flotilla.api.meta.Quantity;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.Map;

/** Rules for maps of quantities such as a volume's capacity or a node's allocatable resources. Stateless. */
final class QuantityChecks {
    private static final Quantity ZERO = Quantity.parse("0");

    private QuantityChecks() {
    }

    /**
     * A map of quantities whose {@code storage} entry is present and greater than zero; other entries must not be
     * negative.
     */
    static void storage(Map<String, Quantity> quantities, FieldPath path, ValidationErrors errors) {
        nonNegative(quantities, path, errors);
        Quantity storage = quantities.get(VolumeResourceRequirements.STORAGE);
        if (storage == null) {
            errors.required(path.key(VolumeResourceRequirements.STORAGE), "");
        } else if (storage.compareTo(ZERO) == 0) { // negative values were reported above
            errors.invalid(path.key(VolumeResourceRequirements.STORAGE), storage.toString(),
                    "must be greater than zero");
        }
    }

    /** No quantity of the map is negative (or missing). */
    static void nonNegative(Map<String, Quantity> quantities, FieldPath path, ValidationErrors errors) {
        for (Map.Entry<String, Quantity> e : quantities.entrySet()) {
            if (e.getValue() == null) {
                errors.required(path.key(e.getKey()), "");
            } else if (e.getValue().compareTo(ZERO) < 0) {
                errors.invalid(path.key(e.getKey()), e.getValue().toString(), "must be greater than or equal to 0");
            }
        }
    }
}

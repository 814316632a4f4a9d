package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;

/**
 * Validation of {@link Pod}: metadata, the spec through {@link PodSpecValidation}, and the enumerations of the
 * status (phase, condition statuses) when one is present.
 */
final class PodValidation {
    private PodValidation() {
    }

    static void validate(Pod pod, ValidationErrors errors) {
        Checks.objectMeta(pod.metadata(), Pod.TYPE.namespaced(), false, errors);
        PodSpecValidation.validate(pod.spec(), FieldPath.of("spec"), errors);
        if (pod.status() != null) {
            status(pod.status(), FieldPath.of("status"), errors);
        }
    }

    private static void status(PodStatus status, FieldPath path, ValidationErrors errors) {
        Checks.oneOf(status.phase(), PodStatus.PHASES, path.child("phase"), errors);
        for (int i = 0; i < status.conditions().size(); i++) {
            PodCondition c = status.conditions().get(i);
            FieldPath at = path.child("conditions").index(i);
            Checks.required(c.type(), at.child("type"), errors);
            if (Checks.required(c.status(), at.child("status"), errors)) {
                Checks.oneOf(c.status(), PodCondition.STATUSES, at.child("status"), errors);
            }
        }
        Checks.unique(status.conditions(), PodCondition::type, path.child("conditions"), "type", errors);
        containerStatuses(status.initContainerStatuses(), path.child("initContainerStatuses"), errors);
        containerStatuses(status.containerStatuses(), path.child("containerStatuses"), errors);
    }

    private static void containerStatuses(List<ContainerStatus> statuses, FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < statuses.size(); i++) {
            ContainerStatus s = statuses.get(i);
            Checks.required(s.name(), path.index(i).child("name"), errors);
            Checks.nonNegative(s.restartCount(), path.index(i).child("restartCount"), errors);
        }
    }
}

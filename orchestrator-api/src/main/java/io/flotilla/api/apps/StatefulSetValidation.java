package io.flotilla.api.apps;

import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.core.Volume;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;

/**
 * Validation of {@link StatefulSet}: pod management policy, update strategy, counts, selector and template (which
 * must restart Always), claim templates and their retention policy.
 */
final class StatefulSetValidation {
    private StatefulSetValidation() {
    }

    static void validate(StatefulSet set, ValidationErrors errors) {
        Checks.objectMeta(set.metadata(), StatefulSet.TYPE.namespaced(), false, errors);
        FieldPath path = FieldPath.of("spec");
        StatefulSetSpec spec = set.spec();
        if (spec == null) {
            errors.required(path, "");
            return;
        }
        if (spec.serviceName() != null && !spec.serviceName().isEmpty()) {
            Checks.dns1123Label(spec.serviceName(), path.child("serviceName"), errors);
        }
        if (spec.podManagementPolicy() != null
                && !StatefulSetSpec.POD_MANAGEMENT_POLICIES.contains(spec.podManagementPolicy())) {
            errors.invalid(path.child("podManagementPolicy"), spec.podManagementPolicy(),
                    "must be 'OrderedReady' or 'Parallel'");
        }
        updateStrategy(spec.updateStrategy(), path.child("updateStrategy"), errors);
        Checks.nonNegative(spec.revisionHistoryLimit(), path.child("revisionHistoryLimit"), errors);
        Checks.nonNegative(spec.replicas(), path.child("replicas"), errors);
        Checks.nonNegative(spec.minReadySeconds(), path.child("minReadySeconds"), errors);
        if (spec.ordinals() != null) {
            Checks.nonNegative(spec.ordinals().start(), path.child("ordinals").child("start"), errors);
        }
        WorkloadChecks.requiredSelector(spec.selector(), "statefulset", path.child("selector"), errors);
        WorkloadChecks.template(withClaimVolumes(spec), spec.selector(), path.child("template"), errors);
        WorkloadChecks.alwaysRestarts(spec.template(), "StatefulSet", path.child("template"), errors);
        claimTemplates(spec.volumeClaimTemplates(), path.child("volumeClaimTemplates"), errors);
        retention(spec.persistentVolumeClaimRetentionPolicy(), path.child("persistentVolumeClaimRetentionPolicy"),
                errors);
    }

    /**
     * The template as its pods will be: each claim template becomes a volume of the same name (after the declared
     * volumes, so that their paths are unchanged), which the containers may mount.
     */
    private static PodTemplateSpec withClaimVolumes(StatefulSetSpec spec) {
        PodTemplateSpec template = spec.template();
        if (template == null || template.spec() == null || spec.volumeClaimTemplates().isEmpty()) {
            return template;
        }
        PodSpec.Builder pod = template.spec().toBuilder();
        for (PersistentVolumeClaim claim : spec.volumeClaimTemplates()) {
            String name = claim.metadata().name();
            if (name != null && template.spec().volume(name).isEmpty()) {
                pod.volume(Volume.persistentVolumeClaim(name, name));
            }
        }
        return template.withSpec(pod.build());
    }

    private static void updateStrategy(StatefulSetUpdateStrategy strategy, FieldPath path, ValidationErrors errors) {
        if (strategy == null) {
            return;
        }
        if (StatefulSetUpdateStrategy.ON_DELETE.equals(strategy.type())) {
            if (strategy.rollingUpdate() != null) {
                errors.invalid(path.child("rollingUpdate"), null, "only allowed for updateStrategy 'RollingUpdate'");
            }
            return;
        }
        if (!Checks.oneOf(strategy.type(), StatefulSetUpdateStrategy.TYPES, path.child("type"), errors)) {
            return;
        }
        RollingUpdateStatefulSetStrategy ru = strategy.rollingUpdate();
        if (ru == null) {
            return;
        }
        FieldPath rolling = path.child("rollingUpdate");
        Checks.nonNegative(ru.partition(), rolling.child("partition"), errors);
        FieldPath maxUnavailable = rolling.child("maxUnavailable");
        if (ru.maxUnavailable() != null) {
            WorkloadChecks.intOrPercent(ru.maxUnavailable(), maxUnavailable, errors);
            if (WorkloadChecks.isZero(ru.maxUnavailable())) {
                errors.invalid(maxUnavailable, ru.maxUnavailable(), "cannot be 0");
            }
            WorkloadChecks.notMoreThan100Percent(ru.maxUnavailable(), maxUnavailable, errors);
        }
    }

    private static void claimTemplates(List<PersistentVolumeClaim> claims, FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < claims.size(); i++) {
            WorkloadChecks.nested(claims.get(i), PersistentVolumeClaim.TYPE.validator(), path.index(i), errors);
        }
        Checks.unique(claims, c -> c.metadata().name(), path, "metadata.name", errors);
    }

    private static void retention(StatefulSetPersistentVolumeClaimRetentionPolicy policy, FieldPath path,
                                  ValidationErrors errors) {
        if (policy == null) {
            return;
        }
        List<String> allowed = StatefulSetPersistentVolumeClaimRetentionPolicy.POLICIES;
        Checks.oneOf(policy.whenDeleted(), allowed, path.child("whenDeleted"), errors);
        Checks.oneOf(policy.whenScaled(), allowed, path.child("whenScaled"), errors);
    }
}

package io.flotilla.core.controllers.statefulset;

import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.apps.StatefulSetSpec;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.core.Volume;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identity of a StatefulSet's pods and claims, as Kubernetes' {@code stateful_set_utils.go}: names, ordinals,
 * labels, hostname/subdomain and claim volumes. Stateless and thread-safe.
 */
final class StatefulPods {
    private StatefulPods() {
    }

    /** The first ordinal ({@code spec.ordinals.start}, default 0). */
    static int startOrdinal(StatefulSet set) {
        StatefulSetSpec spec = set.spec();
        return spec.ordinals() == null || spec.ordinals().start() == null ? 0 : spec.ordinals().start();
    }

    /** The pod name for an ordinal: {@code <set>-<ordinal>}. */
    static String podName(StatefulSet set, int ordinal) {
        return set.metadata().name() + "-" + ordinal;
    }

    /** The pod's ordinal from its name, or -1 if the name is not {@code <set>-<number>}. */
    static int ordinal(StatefulSet set, Pod pod) {
        return ordinalOf(set.metadata().name() + "-", pod.metadata().name());
    }

    /** The number after {@code prefix} in {@code name}, or -1. */
    static int ordinalOf(String prefix, String name) {
        if (name == null || !name.startsWith(prefix) || name.length() == prefix.length()
                || name.length() - prefix.length() > 9) {
            return -1;
        }
        String digits = name.substring(prefix.length());
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    /** Whether an orphan pod may be adopted: its name is one of the set's. */
    static boolean isMember(StatefulSet set, Pod pod) {
        return ordinal(set, pod) >= 0;
    }

    /** The revision a pod was made from (its {@code controller-revision-hash} label), or {@code null}. */
    static String revision(Pod pod) {
        return pod.metadata().labels().get(StatefulSetController.REVISION_LABEL);
    }

    /** The claim name for a claim template and an ordinal: {@code <template>-<set>-<ordinal>}. */
    static String claimName(StatefulSet set, PersistentVolumeClaim template, int ordinal) {
        return template.metadata().name() + "-" + podName(set, ordinal);
    }

    /** The pod of {@code ordinal} made from {@code template} at {@code revision}. */
    static Pod newPod(StatefulSet set, PodTemplateSpec template, String revision, int ordinal) {
        String name = podName(set, ordinal);
        ObjectMeta tm = template.metadata();
        Map<String, String> labels = new LinkedHashMap<>(tm.labels());
        labels.put(StatefulSetController.POD_NAME_LABEL, name);
        labels.put(StatefulSetController.POD_INDEX_LABEL, Integer.toString(ordinal));
        labels.put(StatefulSetController.REVISION_LABEL, revision);
        ObjectMeta meta = ObjectMeta.builder().name(name).namespace(set.metadata().namespace()).labels(labels)
                .annotations(tm.annotations()).ownerReference(OwnerReference.controlledBy(set)).build();
        PodSpec.Builder spec = template.spec().toBuilder().hostname(name);
        String service = set.spec().serviceName();
        if (service != null && !service.isEmpty()) {
            spec.subdomain(service);
        }
        for (PersistentVolumeClaim claim : set.spec().volumeClaimTemplates()) {
            spec.volume(Volume.persistentVolumeClaim(claim.metadata().name(), claimName(set, claim, ordinal)));
        }
        return new Pod(meta, spec.build(), null);
    }

    /**
     * The claim of {@code ordinal} from {@code template}: the template's spec, labels plus the set's selector
     * labels, owned by the set only when {@code whenDeleted} is {@code Delete}.
     */
    static PersistentVolumeClaim newClaim(StatefulSet set, PersistentVolumeClaim template, int ordinal,
                                          boolean ownedBySet) {
        Map<String, String> labels = new LinkedHashMap<>(template.metadata().labels());
        labels.putAll(set.spec().selector().matchLabels());
        ObjectMeta.Builder meta = ObjectMeta.builder().name(claimName(set, template, ordinal))
                .namespace(set.metadata().namespace()).labels(labels)
                .annotations(template.metadata().annotations());
        if (ownedBySet) {
            meta.ownerReference(new OwnerReference(set.apiVersion(), set.kind(), set.metadata().name(),
                    set.metadata().uid(), null, null));
        }
        return new PersistentVolumeClaim(meta.build(), template.spec(), null);
    }
}

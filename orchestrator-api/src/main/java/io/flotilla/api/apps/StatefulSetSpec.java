package io.flotilla.api.apps;

import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.LabelSelector;
import java.util.List;

/**
 * The desired state of a {@link StatefulSet}. Immutable; lists are never {@code null}, other {@code null}
 * components are unset (1 replica, {@code OrderedReady}, a rolling update, 10 revisions kept).
 *
 * @param replicas                             desired pods
 * @param selector                             which pods belong to the set; must match the template's labels
 * @param template                             the pods to run; each gets a stable name and its own claims
 * @param volumeClaimTemplates                 claims made for each pod, mounted by the volume of the same name
 * @param serviceName                          the headless Service that gives the pods their DNS names
 * @param podManagementPolicy                  {@code OrderedReady} (one at a time, in order) or {@code Parallel}
 * @param updateStrategy                       how pods are replaced when the template changes
 * @param revisionHistoryLimit                 old revisions kept
 * @param minReadySeconds                      how long a new pod must be ready before it counts as available
 * @param persistentVolumeClaimRetentionPolicy what happens to the claims on deletion and scale-down
 * @param ordinals                             the first pod's ordinal
 */
public record StatefulSetSpec(Integer replicas, LabelSelector selector, PodTemplateSpec template,
                              List<PersistentVolumeClaim> volumeClaimTemplates, String serviceName,
                              String podManagementPolicy, StatefulSetUpdateStrategy updateStrategy,
                              Integer revisionHistoryLimit, Integer minReadySeconds,
                              StatefulSetPersistentVolumeClaimRetentionPolicy persistentVolumeClaimRetentionPolicy,
                              StatefulSetOrdinals ordinals) {

    /** Create and delete pods one at a time, in ordinal order, each waiting for the previous to be ready. */
    public static final String ORDERED_READY = "OrderedReady";
    /** Create and delete pods all at once. */
    public static final String PARALLEL = "Parallel";
    /** The supported pod management policies. */
    public static final List<String> POD_MANAGEMENT_POLICIES = List.of(ORDERED_READY, PARALLEL);

    /** Normalises the claim templates. */
    public StatefulSetSpec {
        volumeClaimTemplates = Immutables.list(volumeClaimTemplates);
    }

    /** The desired pods, 1 if unset. */
    public int effectiveReplicas() {
        return replicas == null ? 1 : replicas;
    }

    /** A copy with another replica count. */
    public StatefulSetSpec withReplicas(Integer replicas) {
        return new StatefulSetSpec(replicas, selector, template, volumeClaimTemplates, serviceName,
                podManagementPolicy, updateStrategy, revisionHistoryLimit, minReadySeconds,
                persistentVolumeClaimRetentionPolicy, ordinals);
    }
}

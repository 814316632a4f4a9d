package io.flotilla.api.apps;

import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.meta.LabelSelector;

/**
 * The desired state of a {@link DaemonSet}. Immutable; {@code null} components are unset (a rolling update of one
 * node at a time, 10 revisions kept).
 *
 * @param selector             which pods belong to the set; must match the template's labels
 * @param template             the pod to run on every eligible node
 * @param updateStrategy       how pods are replaced when the template changes
 * @param minReadySeconds      how long a new pod must be ready before it counts as available
 * @param revisionHistoryLimit old revisions kept
 */
public record DaemonSetSpec(LabelSelector selector, PodTemplateSpec template, DaemonSetUpdateStrategy updateStrategy,
                            Integer minReadySeconds, Integer revisionHistoryLimit) {
}

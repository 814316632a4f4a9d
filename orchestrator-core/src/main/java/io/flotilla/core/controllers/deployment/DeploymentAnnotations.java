package io.flotilla.core.controllers.deployment;

import io.flotilla.core.apiserver.ApiServer;
import java.util.Set;

/** The annotations and labels the Deployment controller and {@code kubectl rollout} use, with Kubernetes' keys. */
public final class DeploymentAnnotations {
    /** The revision of a ReplicaSet (and of its Deployment: its newest). */
    public static final String REVISION = "deployment.kubernetes.io/revision";
    /** The earlier revisions a ReplicaSet had, comma-separated, when a rollback made it new again. */
    public static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    /** The Deployment's {@code spec.replicas} when it last scaled a ReplicaSet. */
    public static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    /** The Deployment's {@code spec.replicas + maxSurge} when it last scaled a ReplicaSet. */
    public static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
    /** Why a revision was made, shown by {@link DeploymentRollout#history()}. */
    public static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    /** The pod-template annotation {@link DeploymentRollout#restart()} sets to restart every pod. */
    public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    /** The label that tells the ReplicaSets (and pods) of one Deployment apart: the hash of their template. */
    public static final String POD_TEMPLATE_HASH = "pod-template-hash";

    /** kubectl's last-applied annotation, which is never copied between a Deployment and its ReplicaSets. */
    static final String KUBECTL_LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /** The Deployment annotations not copied to its ReplicaSets (and kept on a rollback). */
    static final Set<String> NOT_COPIED = Set.of(KUBECTL_LAST_APPLIED, ApiServer.LAST_APPLIED_ANNOTATION, REVISION,
            REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, "deprecated.deployment.rollback.to");

    private DeploymentAnnotations() {
    }
}

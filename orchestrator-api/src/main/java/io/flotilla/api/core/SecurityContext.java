package io.flotilla.api.core;

/**
 * A container's security settings; fields set here override the pod's {@link PodSecurityContext}. Immutable;
 * {@code null} means unset.
 *
 * @param capabilities             capabilities to add and drop
 * @param privileged               run as privileged (like root on the host)
 * @param runAsUser                the UID the process runs as
 * @param runAsGroup               the GID the process runs as
 * @param runAsNonRoot             refuse to start when the image would run as UID 0
 * @param readOnlyRootFilesystem   mount the root filesystem read-only
 * @param allowPrivilegeEscalation whether a process may gain more privileges than its parent
 */
public record SecurityContext(Capabilities capabilities, Boolean privileged, Long runAsUser, Long runAsGroup,
                              Boolean runAsNonRoot, Boolean readOnlyRootFilesystem,
                              Boolean allowPrivilegeEscalation) {

    /** Nothing set. */
    public static final SecurityContext EMPTY = new SecurityContext(null, null, null, null, null, null, null);
}

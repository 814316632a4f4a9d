package io.flotilla.api.core;

/**
 * The volume bound to a PersistentVolumeClaim in the pod's namespace. Immutable.
 *
 * @param claimName the claim's name
 * @param readOnly  whether to mount it read-only ({@code null} means false)
 */
public record PersistentVolumeClaimVolumeSource(String claimName, Boolean readOnly) {
}

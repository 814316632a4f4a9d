package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The security basics of a container (a subset of CRI {@code LinuxContainerSecurityContext}). Immutable; lists are
 * never {@code null}.
 *
 * @param runAsUser              the uid to run as, or {@code null} for the image's
 * @param runAsGroup             the gid to run as, or {@code null} for the image's
 * @param privileged             whether the container is privileged
 * @param readOnlyRootFilesystem whether the root filesystem is read-only
 * @param noNewPrivileges        whether the process may not gain privileges ({@code allowPrivilegeEscalation: false})
 * @param capabilitiesAdd        capabilities to add, such as {@code NET_ADMIN}
 * @param capabilitiesDrop       capabilities to drop, such as {@code ALL}
 */
public record ContainerSecurity(Long runAsUser, Long runAsGroup, boolean privileged, boolean readOnlyRootFilesystem,
                                boolean noNewPrivileges, List<String> capabilitiesAdd, List<String> capabilitiesDrop) {

    /** The runtime's defaults. */
    public static final ContainerSecurity DEFAULT = new ContainerSecurity(null, null, false, false, false, null, null);

    /** Normalises the lists. */
    public ContainerSecurity {
        capabilitiesAdd = Immutables.list(capabilitiesAdd);
        capabilitiesDrop = Immutables.list(capabilitiesDrop);
    }
}

package io.flotilla.api.core;

import java.util.List;

/**
 * The observed state of a Namespace. Immutable.
 *
 * @param phase {@link #ACTIVE} or {@link #TERMINATING}; {@code null} until set by the control plane
 */
public record NamespaceStatus(String phase) {
    /** The namespace is in use. */
    public static final String ACTIVE = "Active";
    /** Deletion was requested; objects in it are being removed and no new ones may be created. */
    public static final String TERMINATING = "Terminating";
    /** Every phase. */
    public static final List<String> PHASES = List.of(ACTIVE, TERMINATING);

    /** A status in {@code phase}. */
    public static NamespaceStatus of(String phase) {
        return new NamespaceStatus(phase);
    }
}

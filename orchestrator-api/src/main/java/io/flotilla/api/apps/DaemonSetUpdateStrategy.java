package io.flotilla.api.apps;

import java.util.List;

/**
 * How a DaemonSet replaces its pods when the template changes. Immutable; {@code null} components are unset (the
 * type defaults to {@code RollingUpdate}).
 *
 * @param type          {@link #ROLLING_UPDATE} or {@link #ON_DELETE}
 * @param rollingUpdate the bounds; only with type {@code RollingUpdate}
 */
public record DaemonSetUpdateStrategy(String type, RollingUpdateDaemonSet rollingUpdate) {

    /** Replace daemon pods node by node. */
    public static final String ROLLING_UPDATE = "RollingUpdate";
    /** Replace a daemon pod only when the user deletes it. */
    public static final String ON_DELETE = "OnDelete";
    /** The supported types. */
    public static final List<String> TYPES = List.of(ROLLING_UPDATE, ON_DELETE);
}

package io.flotilla.api.apps;

import java.util.List;

/**
 * How a Deployment replaces old pods with new ones. Immutable; {@code null} components are unset (the type
 * defaults to {@code RollingUpdate}).
 *
 * @param type          {@link #ROLLING_UPDATE} or {@link #RECREATE}
 * @param rollingUpdate the bounds of a rolling update; only with type {@code RollingUpdate}
 */
public record DeploymentStrategy(String type, RollingUpdateDeployment rollingUpdate) {

    /** Replace pods gradually, within {@code maxSurge} and {@code maxUnavailable}. */
    public static final String ROLLING_UPDATE = "RollingUpdate";
    /** Delete every old pod before creating new ones. */
    public static final String RECREATE = "Recreate";
    /** The supported types. */
    public static final List<String> TYPES = List.of(RECREATE, ROLLING_UPDATE);

    /** A rolling update within these bounds. */
    public static DeploymentStrategy rollingUpdate(Rollout.MaxSurge maxSurge, Rollout.MaxUnavailable maxUnavailable) {
        return new DeploymentStrategy(ROLLING_UPDATE, RollingUpdateDeployment.of(maxSurge, maxUnavailable));
    }

    /** Kill all old pods, then create the new ones. */
    public static DeploymentStrategy recreate() {
        return new DeploymentStrategy(RECREATE, null);
    }
}

package io.flotilla.api.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.meta.IntOrString;
import org.junit.jupiter.api.Test;

/** Rollout bounds resolve as Kubernetes' ResolveFenceposts: surge rounds up, unavailability down, never both 0. */
class RolloutTest {

    @Test
    void percentagesRoundSurgeUpAndUnavailableDown() {
        assertThat(Rollout.resolve(IntOrString.of("25%"), IntOrString.of("25%"), 10))
                .isEqualTo(new Rollout.Bounds(3, 2));
        assertThat(Rollout.resolve(IntOrString.of("34%"), IntOrString.of("34%"), 3))
                .isEqualTo(new Rollout.Bounds(2, 1));
    }

    @Test
    void integersAreTakenAsIs() {
        assertThat(Rollout.resolve(IntOrString.of(2), IntOrString.of(0), 10)).isEqualTo(new Rollout.Bounds(2, 0));
    }

    @Test
    void bothZeroAllowsOneUnavailable() {
        assertThat(Rollout.resolve(IntOrString.of(0), IntOrString.of("10%"), 5)).isEqualTo(new Rollout.Bounds(0, 1));
        assertThat(Rollout.resolve(IntOrString.of("0%"), IntOrString.of(0), 0)).isEqualTo(new Rollout.Bounds(0, 1));
    }

    @Test
    void unsetDeploymentBoundsAreTwentyFivePercent() {
        assertThat(new RollingUpdateDeployment(null, null).resolve(4)).isEqualTo(new Rollout.Bounds(1, 1));
        assertThat(RollingUpdateDeployment.of(Rollout.maxSurge(1), Rollout.maxUnavailable(0)).resolve(4))
                .isEqualTo(new Rollout.Bounds(1, 0));
    }

    @Test
    void nonPercentStringsAreRejected() {
        assertThatThrownBy(() -> Rollout.resolve(IntOrString.of("abc"), IntOrString.of(0), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.flotilla.core.controllers.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Pod;
import io.flotilla.core.controllers.harness.ControllerHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpectationsTest {

    @Test
    void pendingWritesAgeOnTheClockUntilTheCacheShowsThem() {
        try (ControllerHarness h = new ControllerHarness(Pod.TYPE)) {
            Expectations expectations = new Expectations(h.clock);
            assertThat(expectations.pendingFor("default/web")).isZero();
            Pod pod = Pod.named("web-1").namespace(ControllerHarness.NS).container("c", c -> c.image("nginx"))
                    .build();
            expectations.created("default/web", pod);
            h.clock.advance(Duration.ofMillis(300));
            assertThat(expectations.satisfied("default/web", ControllerHarness.NS, h.lister(Pod.TYPE))).isFalse();
            assertThat(expectations.pendingFor("default/web")).isEqualTo(Duration.ofMillis(300));

            h.client.pods().create(pod);
            h.settle();
            assertThat(expectations.satisfied("default/web", ControllerHarness.NS, h.lister(Pod.TYPE))).isTrue();
            assertThat(expectations.pendingFor("default/web")).isZero();
        }
    }
}

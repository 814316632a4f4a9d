package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.core.store.StoreException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {

    @Test
    void countsRequestsByVerbKindAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ApiFixture f = new ApiFixture(b -> b.meterRegistry(registry))) {
            f.api.create(ConfigMap.named("c").build());
            f.api.get(ConfigMap.TYPE, "default", "c");
            assertThatThrownBy(() -> f.api.create(ConfigMap.named("c").build()))
                    .isInstanceOf(StoreException.AlreadyExists.class);

            assertThat(registry.get("flotilla.apiserver.requests").tag("verb", "create").tag("kind", "ConfigMap")
                    .tag("outcome", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get("flotilla.apiserver.requests").tag("verb", "create").tag("kind", "ConfigMap")
                    .tag("outcome", "AlreadyExists").timer().count()).isEqualTo(1);
            assertThat(registry.get("flotilla.apiserver.requests").tag("verb", "get").timer().count())
                    .isEqualTo(1);
        }
    }
}

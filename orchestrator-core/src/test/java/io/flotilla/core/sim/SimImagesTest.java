package io.flotilla.core.sim;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ImagePullFailed;
import io.flotilla.api.runtime.Image;
import io.flotilla.api.runtime.ImageSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Image pulls on the simulated runtime: presence, failures, latency on the virtual clock, and image-based behaviour. */
class SimImagesTest {
    private final SimFixture sim = new SimFixture();
    private final SimulatedRuntime runtime = sim.runtime;

    @Test
    void anyImagePullsUnlessDeclaredMissingOrFailing() {
        assertThat(runtime.imageStatus(ImageSpec.of("nginx"))).isEmpty();
        Image pulled = runtime.pullImage(ImageSpec.of("nginx"), null);
        assertThat(pulled.repoTags()).containsExactly("nginx:latest");
        assertThat(runtime.imageStatus(ImageSpec.of("nginx:latest"))).contains(pulled);
        assertThat(pulled.id()).isEqualTo(SimImages.idOf("nginx:latest")).startsWith("sha256:");

        runtime.removeImage(ImageSpec.of("nginx"));
        runtime.removeImage(ImageSpec.of("nginx"));
        assertThat(runtime.imageStatus(ImageSpec.of("nginx"))).isEmpty();
    }

    @Test
    void missingImageFailsAsNotFoundAndOtherFailuresCarryTheMessage() {
        sim.scenario.missingImage("example.com/typo:1").pullFailure("private.example.com/app:2", "unauthorized");

        assertThatThrownBy(() -> runtime.pullImage(ImageSpec.of("example.com/typo:1"), null))
                .isInstanceOfSatisfying(ImagePullFailed.class, e -> {
                    assertThat(e.imageNotFound()).isTrue();
                    assertThat(e.image()).isEqualTo("example.com/typo:1");
                    assertThat(e.getMessage()).contains("example.com/typo:1", "not found", "sim://node-1");
                });
        assertThatThrownBy(() -> runtime.pullImage(ImageSpec.of("private.example.com/app:2"), null))
                .isInstanceOfSatisfying(ImagePullFailed.class, e -> {
                    assertThat(e.imageNotFound()).isFalse();
                    assertThat(e.daemonMessage()).isEqualTo("unauthorized");
                });
        assertThat(runtime.imageStatus(ImageSpec.of("example.com/typo:1"))).isEmpty();
    }

    @Test
    void creatingAContainerOfAnAbsentImageIsNotFound() {
        String sandbox = sim.sandbox("p");
        assertThatThrownBy(() -> runtime.createContainer(sandbox, ContainerConfig.builder("c", "redis:7").build(),
                SimFixture.pod("p")))
                .isInstanceOfSatisfying(ContainerRuntimeException.NotFound.class,
                        e -> assertThat(e.kind()).isEqualTo(ContainerRuntimeException.ObjectKind.IMAGE));
    }

    @Test
    void pullTakesItsLatencyOnTheVirtualClock() throws Exception {
        sim.scenario.pullLatency(ofSeconds(1)).pullLatency("big/image:1", ofSeconds(5));
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Image> pull = CompletableFuture.supplyAsync(
                    () -> runtime.pullImage(ImageSpec.of("big/image:1"), null), executor);
            SimTesting.awaitPendingTask(sim.clock);

            sim.clock.advance(Duration.ofMillis(4999));
            assertThat(pull).isNotDone();
            assertThat(runtime.imageStatus(ImageSpec.of("big/image:1"))).isEmpty();
            sim.clock.advance(Duration.ofMillis(1));
            assertThat(pull.get(10, TimeUnit.SECONDS).repoTags()).containsExactly("big/image:1");
        }
    }

    @Test
    void blockedCallGivesUpWhenNothingAdvancesTheClock() {
        SimulatedRuntime impatient = SimulatedRuntime.builder(sim.clock).scenario(sim.scenario)
                .blockingTimeout(Duration.ofMillis(50)).build();
        sim.scenario.pullLatency(ofSeconds(1));
        assertThatThrownBy(() -> impatient.pullImage(ImageSpec.of("x:1"), null))
                .isInstanceOf(ContainerRuntimeException.Unavailable.class)
                .hasMessageContaining("advancing the clock");
    }

    @Test
    void imageRuleGivesContainersWithoutANameRuleTheirBehaviour() {
        sim.scenario.forImage(SimFixture.IMAGE, SimBehavior.exitsAfter(ofSeconds(1), 7))
                .forContainer("special", SimBehavior.runsForever());
        String plain = sim.run("plain");
        String special = sim.run("special");
        sim.clock.advance(ofSeconds(1));
        assertThat(runtime.containerStatus(plain).exitCode()).isEqualTo(7);
        assertThat(runtime.containerStatus(special).exitCode()).isZero();
        assertThat(Scenario.normalize("a/b")).isEqualTo("a/b:latest");
        assertThat(Scenario.normalize("host:5000/b")).isEqualTo("host:5000/b:latest");
        assertThat(Scenario.normalize("b@sha256:00")).isEqualTo("b@sha256:00");
    }
}

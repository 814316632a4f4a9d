package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.admission.AdmissionDecision;
import io.flotilla.api.admission.ValidatingAdmission;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.core.store.StoreException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiServerBindTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private Pod pod(String name) {
        return f.api.create(Pod.named(name).namespace("default").container("c", c -> c.image("nginx:1.27")).build());
    }

    @Test
    void bindSetsNodeNameAndPodScheduledInOneWrite() {
        Pod created = pod("p");
        f.clock.advance(Duration.ofSeconds(5));
        long revision = f.store.revision();
        Pod bound = f.api.bind("default", "p", "node-1");
        assertThat(f.store.revision()).isEqualTo(revision + 1);
        assertThat(bound.nodeName()).isEqualTo("node-1");
        PodCondition scheduled = bound.status().condition(PodCondition.POD_SCHEDULED).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(PodCondition.TRUE);
        assertThat(scheduled.lastTransitionTime()).isEqualTo(f.clock.now().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));
        assertThat(bound.status().phase()).isEqualTo(created.status().phase());
        assertThat(bound.metadata().generation()).isEqualTo(created.metadata().generation() + 1);
        assertThat(f.api.get(Pod.TYPE, "default", "p")).contains(bound);
    }

    @Test
    void anAlreadyBoundPodIsReturnedUnchanged() {
        pod("p");
        Pod first = f.api.bind("default", "p", "node-1");
        long revision = f.store.revision();
        assertThat(f.api.bind("default", "p", "node-2")).isEqualTo(first);
        assertThat(f.store.revision()).isEqualTo(revision);
    }

    @Test
    void bindingAMissingPodIsNotFound() {
        assertThatThrownBy(() -> f.api.bind("default", "ghost", "node-1"))
                .isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> f.api.bind("default", "ghost", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadNodeNameIsInvalidOnSpecNodeName() {
        pod("p");
        assertThatThrownBy(() -> f.api.bind("default", "p", "Node_1"))
                .isInstanceOfSatisfying(ApiException.Invalid.class, e -> assertThat(e.errors())
                        .extracting(err -> err.path().toString()).containsExactly("spec.nodeName"))
                .hasMessageContaining("Node_1");
        assertThat(f.api.get(Pod.TYPE, "default", "p").orElseThrow().nodeName()).isNull();
    }

    @Test
    void bindingDoesNotValidateThePodAgain() {
        // a pod stored before today's rules (written straight to the store): Kubernetes binds it all the same
        Pod created = pod("p");
        f.store.update(created.withMetadata(created.metadata().toBuilder().label("bad key!", "v").build()));
        Pod bound = f.api.bind("default", "p", "node-1");
        assertThat(bound.nodeName()).isEqualTo("node-1");
        assertThat(bound.metadata().labels()).containsEntry("bad key!", "v");
    }

    @Test
    void admissionStillSeesTheBinding() {
        try (ApiFixture denying = new ApiFixture(b -> b.validatingAdmission(ValidatingAdmission.of("no-binding",
                request -> "binding".equals(request.subresource())
                        ? AdmissionDecision.deny("bindings are closed") : AdmissionDecision.allow())))) {
            denying.api.create(Pod.named("p").namespace("default").container("c", c -> c.image("nginx:1.27"))
                    .build());
            assertThatThrownBy(() -> denying.api.bind("default", "p", "node-1"))
                    .isInstanceOf(ApiException.Forbidden.class).hasMessageContaining("bindings are closed");
            assertThat(denying.api.get(Pod.TYPE, "default", "p").orElseThrow().nodeName()).isNull();
        }
    }
}

package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentStatus;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.core.Service;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.store.StoreException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiServerUpdateTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private Deployment deployment() {
        return f.api.create(Deployment.named("web").replicas(2).container("c", c -> c.image("nginx:1.27")).build());
    }

    private static DeploymentStatus status(int ready) {
        return new DeploymentStatus(1L, 2, 2, ready, ready, 0, List.of(), null);
    }

    @Test
    void specChangeBumpsGenerationOnce() {
        Deployment d = deployment();
        Deployment scaled = f.api.update(d.withSpec(d.spec().withReplicas(5)));
        assertThat(scaled.metadata().generation()).isEqualTo(2L);
        assertThat(scaled.spec().replicas()).isEqualTo(5);
    }

    @Test
    void metadataOnlyChangeKeepsGeneration() {
        Deployment d = deployment();
        Deployment labelled = f.api.update(d.withMetadata(d.metadata().withLabel("tier", "front")));
        assertThat(labelled.metadata().generation()).isEqualTo(1L);
        assertThat(labelled.metadata().labels()).containsEntry("tier", "front");
    }

    @Test
    void anUpdateThatChangesNothingWritesNothing() {
        Deployment d = deployment();
        long revision = f.store.revision();
        assertThat(f.api.update(d)).isEqualTo(d);
        assertThat(f.store.revision()).isEqualTo(revision);
    }

    @Test
    void updateKeepsTheStoredStatus() {
        Deployment d = deployment();
        Deployment withStatus = f.api.updateStatus(d.withStatus(status(2)));
        Deployment updated = f.api.update(withStatus.withStatus(status(0)).withSpec(d.spec().withReplicas(3)));
        assertThat(updated.status()).isEqualTo(status(2));
        assertThat(updated.spec().replicas()).isEqualTo(3);
    }

    @Test
    void updateStatusTouchesOnlyTheStatus() {
        Deployment d = deployment();
        Deployment sent = d.withStatus(status(1)).withSpec(d.spec().withReplicas(9))
                .withMetadata(d.metadata().withLabel("sneaky", "yes"));
        Deployment stored = f.api.updateStatus(sent);
        assertThat(stored.status()).isEqualTo(status(1));
        assertThat(stored.spec().replicas()).isEqualTo(2);
        assertThat(stored.metadata().labels()).doesNotContainKey("sneaky");
        assertThat(stored.metadata().generation()).isEqualTo(1L);
    }

    @Test
    void updateStatusWithAFunctionRetriesOnTheLatestObject() {
        Deployment d = deployment();
        f.api.update(d.withMetadata(d.metadata().withLabel("x", "y")));
        Deployment stored = f.api.updateStatus(Deployment.TYPE, "default", "web", dep -> dep.withStatus(status(2)));
        assertThat(stored.status()).isEqualTo(status(2));
        assertThat(stored.metadata().labels()).containsEntry("x", "y");
    }

    @Test
    void updateStatusOfAKindWithoutStatusIsRefused() {
        ConfigMap cm = f.api.create(ConfigMap.named("c").build());
        assertThatThrownBy(() -> f.api.updateStatus(cm)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ConfigMap has no status subresource");
    }

    @Test
    void staleResourceVersionIsAConflictAndChangesNothing() {
        Deployment d = deployment();
        f.api.update(d.withSpec(d.spec().withReplicas(3)));
        long revision = f.store.revision();
        assertThatThrownBy(() -> f.api.update(d.withSpec(d.spec().withReplicas(4))))
                .isInstanceOf(StoreException.Conflict.class)
                .hasMessageContaining("deployments.apps \"web\"");
        assertThat(f.store.revision()).isEqualTo(revision);
        assertThat(f.api.get(Deployment.TYPE, "default", "web").orElseThrow().spec().replicas()).isEqualTo(3);
    }

    @Test
    void unsetResourceVersionUpdatesUnconditionally() {
        Deployment d = deployment();
        f.api.update(d.withMetadata(d.metadata().withLabel("a", "b")));
        Deployment blind = d.withMetadata(d.metadata().withResourceVersion(null)).withSpec(d.spec().withReplicas(7));
        assertThat(f.api.update(blind).spec().replicas()).isEqualTo(7);
    }

    @Test
    void selectorIsImmutable() {
        Deployment d = deployment();
        long revision = f.store.revision();
        Deployment changed = d.toBuilder().selector(LabelSelector.matchLabel("app", "other"))
                .podLabel("app", "other").build();
        assertThatThrownBy(() -> f.api.update(changed))
                .isInstanceOf(ApiException.Invalid.class)
                .hasMessageContaining("Deployment.apps \"web\" is invalid")
                .hasMessageContaining("spec.selector: Invalid value")
                .hasMessageContaining("field is immutable");
        assertThat(f.store.revision()).isEqualTo(revision);
    }

    @Test
    void uidAndCreationTimestampAreImmutable() {
        ConfigMap cm = f.api.create(ConfigMap.named("c").build());
        assertThatThrownBy(() -> f.api.update(cm.withMetadata(cm.metadata().toBuilder().uid("other").build())))
                .isInstanceOf(ApiException.Invalid.class)
                .satisfies(e -> assertThat(((ApiException.Invalid) e).paths()).containsExactly("metadata.uid"));
        assertThatThrownBy(() -> f.api.update(cm.withMetadata(cm.metadata().toBuilder()
                .creationTimestamp(Instant.EPOCH).build())))
                .isInstanceOf(ApiException.Invalid.class)
                .hasMessageContaining("metadata.creationTimestamp");
    }

    @Test
    void podSpecIsImmutableExceptImagesAndBindingOnce() {
        Pod pod = f.api.create(Pod.named("p").container("c", c -> c.image("nginx:1.27")).build());
        Pod bound = f.api.update(pod.withSpec(pod.spec().withNodeName("node-1")));
        assertThat(bound.spec().nodeName()).isEqualTo("node-1");

        Pod newImage = f.api.update(bound.withSpec(bound.spec().toBuilder()
                .container(bound.spec().containers().get(0).withImage("nginx:1.28")).build()));
        assertThat(newImage.spec().containers().get(0).image()).isEqualTo("nginx:1.28");

        assertThatThrownBy(() -> f.api.update(newImage.withSpec(newImage.spec().withNodeName("node-2"))))
                .isInstanceOf(ApiException.Invalid.class)
                .hasMessageContaining("spec: Forbidden: pod updates may not change fields");
        assertThatThrownBy(() -> f.api.update(newImage.withSpec(newImage.spec().toBuilder()
                .restartPolicy("Never").build())))
                .isInstanceOf(ApiException.Invalid.class);
    }

    @Test
    void serviceClusterIpIsKeptWhenTheUpdateLeavesItUnsetAndCannotChange() {
        Service svc = f.api.create(Service.named("web").selector("app", "web").port(80).clusterIP("10.96.0.10")
                .build());
        Service unset = svc.toBuilder().clusterIP(null).publishNotReadyAddresses(true).build();
        assertThat(f.api.update(unset).spec().clusterIP()).isEqualTo("10.96.0.10");
        Service moved = f.api.get(Service.TYPE, "default", "web").orElseThrow().toBuilder().clusterIP("10.96.0.11")
                .build();
        assertThatThrownBy(() -> f.api.update(moved)).isInstanceOf(ApiException.Invalid.class)
                .hasMessageContaining("spec.clusterIP: Invalid value: \"10.96.0.11\": field is immutable");
    }

    @Test
    void updateWithAFunctionAppliesToTheLatestVersion() {
        Deployment d = deployment();
        f.api.update(d.withMetadata(d.metadata().withLabel("a", "1")));
        Deployment out = f.api.update(Deployment.TYPE, "default", "web", x -> x.withSpec(x.spec().withReplicas(4)));
        assertThat(out.spec().replicas()).isEqualTo(4);
        assertThat(out.metadata().labels()).containsEntry("a", "1");
        assertThat(out.metadata().generation()).isEqualTo(2L);
    }

    @Test
    void podStatusWritesKeepTheSpec() {
        Pod pod = f.api.create(Pod.named("p").container("c", c -> c.image("nginx:1.27")).build());
        Pod running = f.api.updateStatus(pod.withStatus(PodStatus.of(PodStatus.RUNNING)));
        assertThat(running.status().phase()).isEqualTo(PodStatus.RUNNING);
        assertThat(running.spec()).isEqualTo(pod.spec());
    }
}

package io.flotilla.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.controller.Result;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.manifest.ManifestException;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.store.StoreException;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The assembled control plane end to end: apply, a user reconciler fed by the shared informers, and garbage
 * collection of what it created. Runs on the system clock, so waits are bounded conditions.
 */
class ClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final Cluster cluster = Cluster.builder().id("cluster-test").start();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void applyCreatesThenMergesLikeKubectlApply() {
        ConfigMap first = cluster.apply(ConfigMap.named("site").data("a", "1"));
        assertThat(first.metadata().namespace()).isEqualTo("default");
        assertThat(first.metadata().uid()).isNotBlank();

        ConfigMap second = cluster.apply(ConfigMap.named("site").data("a", "2"));
        assertThat(second.metadata().uid()).isEqualTo(first.metadata().uid());
        assertThat(second.data()).containsEntry("a", "2");
        assertThat(cluster.client().configMaps().get("site")).contains(second);
    }

    @Test
    void aUserReconcilerConvergesAndTheGarbageCollectorCleansUp() {
        cluster.controllers().controller("upper-case")
                .forType(ConfigMap.TYPE)
                .reconciler(request -> {
                    cluster.client().configMaps().inNamespace(request.namespace()).get(request.name())
                            .filter(cm -> !cm.metadata().name().endsWith("-upper"))
                            .ifPresent(this::mirrorUpperCase);
                    return Result.done();
                });
        cluster.apply(ConfigMap.named("greeting").data("text", "hello"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.client().configMaps().get("greeting-upper"))
                .hasValueSatisfying(cm -> assertThat(cm.data()).containsEntry("text", "HELLO")));

        cluster.client().configMaps().delete("greeting");
        await().atMost(WAIT).until(() -> cluster.client().configMaps().get("greeting-upper").isEmpty());
    }

    @Test
    void badManifestsApplyNothing() {
        long before = cluster.client().api().revision();
        assertThatThrownBy(() -> cluster.applyYaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: good}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: Bad_Name}
                """)).isInstanceOf(ManifestException.class).hasMessageContaining("metadata.name");
        assertThat(cluster.client().api().revision()).isEqualTo(before);
        assertThat(cluster.client().configMaps().get("good")).isEmpty();
    }

    @Test
    void objectsInMissingNamespacesAreRefused() {
        assertThatThrownBy(() -> cluster.apply(ConfigMap.named("x").namespace("nowhere")))
                .isInstanceOf(StoreException.NotFound.class)
                .hasMessageContaining("namespaces \"nowhere\" not found");
        assertThat(cluster.client().configMaps().inNamespace("nowhere").list()).isEmpty();
    }

    private void mirrorUpperCase(ConfigMap source) {
        ConfigMap mirror = ConfigMap.named(source.metadata().name() + "-upper")
                .namespace(source.metadata().namespace())
                .ownerReference(OwnerReference.controlledBy(source))
                .data("text", source.data().getOrDefault("text", "").toUpperCase(Locale.ROOT))
                .build();
        cluster.client().configMaps().apply(mirror);
    }
}

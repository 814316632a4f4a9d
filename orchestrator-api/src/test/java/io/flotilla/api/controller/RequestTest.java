package io.flotilla.api.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.meta.ObjectMeta;
import org.junit.jupiter.api.Test;

class RequestTest {

    @Test
    void printsLikeAKubernetesCacheKey() {
        assertThat(Request.of("default", "web")).hasToString("default/web");
        assertThat(Request.clusterScoped("node-1")).hasToString("node-1");
        assertThat(Request.of(null, "node-1")).isEqualTo(Request.clusterScoped("node-1"));
        assertThat(Request.of("", "node-1").isClusterScoped()).isTrue();
    }

    @Test
    void parsesItsOwnToString() {
        assertThat(Request.parse("default/web")).isEqualTo(Request.of("default", "web"));
        assertThat(Request.parse("node-1")).isEqualTo(Request.clusterScoped("node-1"));
        assertThatThrownBy(() -> Request.parse("a/b/c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Request.parse("ns/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comesFromAnObjectsMetadata() {
        ConfigMap site = ConfigMap.named("site").build()
                .withMetadata(ObjectMeta.builder().namespace("prod").name("site").build());
        assertThat(Request.of(site)).isEqualTo(Request.of("prod", "site"));
    }

    @Test
    void needsAName() {
        assertThatThrownBy(() -> Request.of("default", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Request.of("default", null)).isInstanceOf(IllegalArgumentException.class);
    }
}

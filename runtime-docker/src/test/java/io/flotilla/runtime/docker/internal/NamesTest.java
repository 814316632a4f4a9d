package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.ContainerMetadata;
import io.flotilla.api.runtime.PodSandboxMetadata;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void splitsImageReferencesTheWayThePullApiWantsThem() {
        assertThat(Names.ImageRef.parse("nginx")).isEqualTo(new Names.ImageRef("nginx", "latest"));
        assertThat(Names.ImageRef.parse("nginx:1.27")).isEqualTo(new Names.ImageRef("nginx", "1.27"));
        assertThat(Names.ImageRef.parse("127.0.0.1:5000/app")).isEqualTo(new Names.ImageRef("127.0.0.1:5000/app",
                "latest"));
        assertThat(Names.ImageRef.parse("127.0.0.1:5000/team/app:2")).isEqualTo(
                new Names.ImageRef("127.0.0.1:5000/team/app", "2"));
        assertThat(Names.ImageRef.parse("app@sha256:abc")).isEqualTo(new Names.ImageRef("app", "sha256:abc"));
    }

    @Test
    void namesIdentifyPodContainerAndAttempt() {
        PodSandboxMetadata pod = new PodSandboxMetadata("web-0", "default", "uid/1", 2);
        assertThat(Names.sandbox(pod)).isEqualTo("flotilla_POD_web-0_default_uid-1_2");
        String first = Names.container(new ContainerMetadata("app", 0), pod, "0123456789abcdef");
        assertThat(first).isEqualTo("flotilla_app_web-0_default_0123456789ab_0");
        assertThat(Names.container(new ContainerMetadata("app", 1), pod, "0123456789abcdef")).isNotEqualTo(first);
    }

    @Test
    void networksArePerCluster() {
        assertThat(Names.network("c1")).isEqualTo("flotilla-c1");
        assertThat(Names.network(null)).isEqualTo("flotilla");
        assertThat(Names.sanitize("a b_c")).isEqualTo("a-b-c");
    }
}

package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageNamesTest {

    @Test
    void familiarNamesDropDockerHubAndLibrary() {
        assertThat(ImageNames.familiar("docker.io/library/nginx:1.27")).isEqualTo("nginx:1.27");
        assertThat(ImageNames.familiar("docker.io/flotilla-test/busybox:1")).isEqualTo("flotilla-test/busybox:1");
        assertThat(ImageNames.familiar("127.0.0.1:5000/app:2")).isEqualTo("127.0.0.1:5000/app:2");
        assertThat(ImageNames.familiar("sha256:abc")).isEqualTo("sha256:abc");
    }

    @Test
    void qualifiedNamesAddDockerHubLibraryAndLatest() {
        assertThat(ImageNames.qualified("nginx")).isEqualTo("docker.io/library/nginx:latest");
        assertThat(ImageNames.qualified("flotilla-test/busybox:1")).isEqualTo("docker.io/flotilla-test/busybox:1");
        assertThat(ImageNames.qualified("127.0.0.1:5000/app")).isEqualTo("127.0.0.1:5000/app:latest");
        assertThat(ImageNames.qualified("localhost/app@sha256:ab")).isEqualTo("localhost/app@sha256:ab");
        assertThat(ImageNames.qualified("registry.example.com/team/app:3"))
                .isEqualTo("registry.example.com/team/app:3");
    }

    @Test
    void tagsGainTheirFamiliarFormsOnce() {
        assertThat(ImageNames.withFamiliar(List.of("docker.io/flotilla-test/busybox:1", "flotilla-test/busybox:1",
                "127.0.0.1:5000/x:1"))).containsExactly("docker.io/flotilla-test/busybox:1",
                "flotilla-test/busybox:1", "127.0.0.1:5000/x:1");
    }
}

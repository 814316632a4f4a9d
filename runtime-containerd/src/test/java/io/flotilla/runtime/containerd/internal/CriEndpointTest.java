package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CriEndpointTest {

    @Test
    void acceptsUnixUrisAndPlainPaths() {
        assertThat(CriEndpoint.parse("unix:///tmp/ctd/containerd.sock"))
                .isEqualTo(new CriEndpoint("unix:///tmp/ctd/containerd.sock", Path.of("/tmp/ctd/containerd.sock")));
        assertThat(CriEndpoint.parse("/tmp/ctd/containerd.sock").uri()).isEqualTo("unix:///tmp/ctd/containerd.sock");
        assertThat(CriEndpoint.parse(CriEndpoint.DEFAULT).socket()).isEqualTo(Path.of(
                "/run/containerd/containerd.sock"));
    }

    @Test
    void rejectsOtherSchemesAndRelativePathsNamingTheForms() {
        assertThatThrownBy(() -> CriEndpoint.parse("tcp://10.0.0.7:2376"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unix:///");
        assertThatThrownBy(() -> CriEndpoint.parse("unix://relative.sock"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> CriEndpoint.parse("containerd.sock")).isInstanceOf(IllegalArgumentException.class);
    }
}

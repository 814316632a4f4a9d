package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.RuntimeVolume;
import io.flotilla.api.runtime.VolumeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostVolumesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T13:00:00Z");

    @TempDir
    Path root;

    private HostVolumes volumes(Instant now) {
        return new HostVolumes(root, "unix:///test.sock", Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void createsOnceAndFindsByLabelsAfterARestart() {
        RuntimeVolume created = volumes(NOW).create("c1-data", Map.of("io.flotilla.cluster", "c1", "x", "1"));
        volumes(NOW.plusSeconds(5)).create("c2-data", Map.of("io.flotilla.cluster", "c2"));

        HostVolumes restarted = volumes(NOW.plusSeconds(60));
        assertThat(restarted.create("c1-data", Map.of("other", "labels"))).isEqualTo(created);
        assertThat(restarted.list(Map.of("io.flotilla.cluster", "c1"))).containsExactly(created);
        assertThat(restarted.list(Map.of())).extracting(RuntimeVolume::name).containsExactly("c1-data", "c2-data");
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(restarted.dataDirectory("c1-data")).isEqualTo(root.resolve("c1-data/data")).isDirectory();
    }

    @Test
    void writesExactlyTheGivenFilesWithTheirModes() throws IOException {
        HostVolumes volumes = volumes(NOW);
        volumes.create("files", Map.of());
        volumes.writeFiles("files", Map.of("old.txt", VolumeFile.text("old"), "gone/deep.txt", VolumeFile.text("x")));

        volumes.writeFiles("files", Map.of("app.txt", VolumeFile.text("hello\n"),
                "conf/secret.txt", VolumeFile.secret("s3cr3t".getBytes(StandardCharsets.UTF_8))));

        Path data = volumes.dataDirectory("files");
        assertThat(data.resolve("app.txt")).hasContent("hello");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("app.txt"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("conf/secret.txt"))))
                .isEqualTo("r--------");
        assertThat(data.resolve("old.txt")).doesNotExist();
        assertThat(data.resolve("gone")).doesNotExist();
        try (var files = Files.list(data.resolve("conf"))) {
            assertThat(files).as("no temporary files left").hasSize(1);
        }
    }

    @Test
    void rejectsPathsThatLeaveTheVolume() {
        HostVolumes volumes = volumes(NOW);
        volumes.create("v", Map.of());

        assertThatThrownBy(() -> volumes.writeFiles("v", Map.of("../escape", VolumeFile.text("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("..");
        assertThatThrownBy(() -> volumes.writeFiles("v", Map.of("/etc/passwd", VolumeFile.text("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative");
        assertThatThrownBy(() -> volumes.create("../v", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingVolumesAreNotFoundAndRemovalIsIdempotent() {
        HostVolumes volumes = volumes(NOW);

        assertThatThrownBy(() -> volumes.writeFiles("none", Map.of("a", VolumeFile.text("x"))))
                .isInstanceOf(ContainerRuntimeException.NotFound.class).hasMessageContaining("volume none");
        volumes.create("v", Map.of());
        volumes.remove("v");
        volumes.remove("v");
        assertThat(volumes.find("v")).isEmpty();
        assertThat(root.resolve("v")).doesNotExist();
    }

    @Test
    void modesBecomePermissions() {
        assertThat(PosixFilePermissions.toString(HostVolumes.permissions(0750))).isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(HostVolumes.permissions(0))).isEqualTo("---------");
    }
}

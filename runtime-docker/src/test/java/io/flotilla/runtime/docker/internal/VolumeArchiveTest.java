package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.runtime.VolumeFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class VolumeArchiveTest {

    @Test
    void writesFilesWithModesDirectoriesAndAManifest() throws Exception {
        byte[] tar = VolumeArchive.build(Map.of("app.conf", VolumeFile.text("a=1"),
                "conf/deep/x.yaml", VolumeFile.text("x"),
                "token", VolumeFile.secret("s3cr3t".getBytes(StandardCharsets.UTF_8))));
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, String> contents = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), e);
                contents.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsOnlyKeys("app.conf", "conf/", "conf/deep/", "conf/deep/x.yaml", "token",
                VolumeArchive.MANIFEST);
        assertThat(entries.get("token").getMode() & 0777).isEqualTo(0400);
        assertThat(entries.get("app.conf").getMode() & 0777).isEqualTo(0644);
        assertThat(entries.get("conf/").isDirectory()).isTrue();
        assertThat(contents.get("token")).isEqualTo("s3cr3t");
        assertThat(VolumeArchive.parseManifest(contents.get(VolumeArchive.MANIFEST).getBytes(StandardCharsets.UTF_8)))
                .containsExactly("app.conf", "conf/deep/x.yaml", "token");
    }

    @Test
    void rejectsPathsOutsideTheVolume() {
        for (String bad : List.of("../escape", "/etc/passwd", "a/../b", "..data", "a//b", "dir/", "")) {
            assertThatThrownBy(() -> VolumeArchive.checkPath(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        VolumeArchive.checkPath("a/b.c/d..e");
    }

    @Test
    void findsTheFilesAnUpdateDrops() {
        assertThat(VolumeArchive.stale(Set.of("a", "b/c", "../evil"), Map.of("a", VolumeFile.text("x"))))
                .containsExactly("b/c");
        assertThat(VolumeArchive.parseManifest(null)).isEmpty();
    }
}

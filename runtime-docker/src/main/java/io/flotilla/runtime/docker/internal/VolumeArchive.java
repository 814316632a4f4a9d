package io.flotilla.runtime.docker.internal;

import io.flotilla.api.runtime.VolumeFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The tar archive that writes a volume's files through Docker's archive API: each file at its path with its exact
 * mode (so {@code stat} in a container shows {@code 400} for a secret), the directories it needs, and a manifest
 * ({@value #MANIFEST}) listing the paths written, from which the next write learns which files it must delete (the
 * archive API can add and replace but not delete). Docker replaces each file as it extracts it, so a reader may see
 * a mix of old and new files during a write. Stateless and thread-safe.
 */
public final class VolumeArchive {
    /** The manifest of the paths of the last write, at the volume's root. */
    public static final String MANIFEST = "..flotilla-files";

    private VolumeArchive() {
    }

    /**
     * Checks a file key: relative, no {@code .}, {@code ..} or empty segments, and not starting with {@code ..}
     * (reserved, as in Kubernetes).
     *
     * @throws IllegalArgumentException naming the key if it is not acceptable
     */
    public static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.startsWith("..")) {
            throw new IllegalArgumentException("file path must be relative, not start with '..' and not end with '/': "
                    + path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("file path must not contain empty, '.' or '..' segments: " + path);
            }
        }
    }

    /**
     * The archive writing {@code files} and the manifest.
     *
     * @throws IllegalArgumentException if a path is not acceptable
     */
    public static byte[] build(Map<String, VolumeFile> files) {
        Map<String, VolumeFile> sorted = new TreeMap<>(files);
        sorted.keySet().forEach(VolumeArchive::checkPath);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            Set<String> directories = new LinkedHashSet<>();
            for (Map.Entry<String, VolumeFile> entry : sorted.entrySet()) {
                String path = entry.getKey();
                for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                    if (directories.add(path.substring(0, i))) {
                        putDirectory(tar, path.substring(0, i + 1));
                    }
                }
                putFile(tar, path, entry.getValue().content(), entry.getValue().mode());
            }
            putFile(tar, MANIFEST, manifest(sorted.keySet()), 0444);
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the volume archive", e);
        }
        return bytes.toByteArray();
    }

    /** The manifest's content for {@code paths}: one path a line. */
    static byte[] manifest(Set<String> paths) {
        StringBuilder text = new StringBuilder();
        paths.forEach(p -> text.append(p).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The paths a manifest lists ({@code null} or empty content: none). */
    public static Set<String> parseManifest(byte[] content) {
        Set<String> paths = new TreeSet<>();
        if (content != null) {
            for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    paths.add(line.strip());
                }
            }
        }
        return paths;
    }

    /** The paths of the previous write that {@code files} no longer has, safe to hand to {@code rm}. */
    public static List<String> stale(Set<String> previous, Map<String, VolumeFile> files) {
        List<String> stale = new ArrayList<>();
        for (String path : previous) {
            try {
                checkPath(path);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!files.containsKey(path)) {
                stale.add(path);
            }
        }
        return stale;
    }

    private static void putFile(TarArchiveOutputStream tar, String name, byte[] content, int mode)
            throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void putDirectory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}

package io.flotilla.core.sim;

import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.RuntimeVolume;
import io.flotilla.api.runtime.VolumeFile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The named volumes of one simulated node and their files. Not thread-safe: the runtime guards it with its lock.
 */
final class SimVolumes {
    private final Map<String, RuntimeVolume> volumes = new LinkedHashMap<>();
    private final Map<String, Map<String, VolumeFile>> files = new LinkedHashMap<>();

    RuntimeVolume create(String name, Map<String, String> labels, Instant now) {
        return volumes.computeIfAbsent(name, n -> {
            files.put(n, Map.of());
            return new RuntimeVolume(n, labels, now);
        });
    }

    boolean exists(String name) {
        return volumes.containsKey(name);
    }

    void remove(String name) {
        volumes.remove(name);
        files.remove(name);
    }

    List<RuntimeVolume> list(Map<String, String> selector) {
        return volumes.values().stream().filter(v -> RuntimeLabels.matches(selector, v.labels())).toList();
    }

    /** Replaces the files of an existing volume. */
    void write(String name, Map<String, VolumeFile> content) {
        files.put(name, Map.copyOf(content));
    }

    Map<String, VolumeFile> files(String name) {
        return files.getOrDefault(name, Map.of());
    }

    Optional<VolumeFile> file(String name, String relativePath) {
        return Optional.ofNullable(files(name).get(relativePath));
    }

    /** Rejects absolute paths and {@code ..}, as a ConfigMap or Secret key path would be rejected. */
    static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || List.of(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("a volume file path must be relative without '..': " + path);
        }
    }
}

package io.flotilla.core.sim;

import io.flotilla.api.runtime.Image;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images present on one simulated node, keyed by normalised reference. Ids are the SHA-256 of the reference,
 * so they are the same on every node and in every run. Not thread-safe: the runtime guards it with its lock.
 */
final class SimImages {
    /** The size every simulated image reports: that of the test busybox image. */
    static final long IMAGE_SIZE = 1_990_000;

    private final Map<String, Image> present = new LinkedHashMap<>();

    Optional<Image> find(String image) {
        return Optional.ofNullable(present.get(Scenario.normalize(image)));
    }

    Image add(String image) {
        String ref = Scenario.normalize(image);
        return present.computeIfAbsent(ref, r -> new Image(idOf(r), List.of(r), List.of(), IMAGE_SIZE));
    }

    void remove(String image) {
        present.remove(Scenario.normalize(image));
    }

    List<Image> all() {
        return List.copyOf(present.values());
    }

    static String idOf(String ref) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ref.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

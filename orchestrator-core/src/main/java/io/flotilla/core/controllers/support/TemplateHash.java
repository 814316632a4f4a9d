package io.flotilla.core.controllers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.manifest.Manifests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A short, stable hash of a pod template, as Kubernetes' {@code controller.ComputeHash}: FNV-1a (32 bit) over the
 * template (here its canonical JSON, object keys sorted) and the collision count, written with the "safe"
 * alphabet that avoids vowels ({@code rand.SafeEncodeString}). Equal templates hash equally in every JVM and
 * every run. Stateless and thread-safe.
 */
public final class TemplateHash {
    private static final Manifests MANIFESTS = Manifests.strict();
    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private TemplateHash() {
    }

    /**
     * The hash of {@code template} with {@code collisionCount} ({@code null} counts as none).
     *
     * @throws NullPointerException if {@code template} is {@code null}
     */
    public static String of(PodTemplateSpec template, Integer collisionCount) {
        String text = canonicalJson(template);
        if (collisionCount != null) {
            text = text + "/" + collisionCount;
        }
        int hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        String digits = Long.toString(Integer.toUnsignedLong(hash));
        StringBuilder out = new StringBuilder(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            out.append(ALPHANUMS.charAt(digits.charAt(i) % ALPHANUMS.length()));
        }
        return out.toString();
    }

    /** The template as JSON with every object's keys sorted, so that map order never changes the hash. */
    public static String canonicalJson(PodTemplateSpec template) {
        ObjectNode tree = MANIFESTS.tree(new Pod(template.metadata(), template.spec(), null));
        StringBuilder out = new StringBuilder();
        write(tree, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            out.append('{');
            for (String name : names) {
                JsonNode child = node.get(name);
                if (child.isNull()) {
                    continue;
                }
                out.append('"').append(name).append("\":");
                write(child, out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(child -> {
                write(child, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(node);
        }
    }
}

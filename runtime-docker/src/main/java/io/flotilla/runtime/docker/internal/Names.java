package io.flotilla.runtime.docker.internal;

import io.flotilla.api.runtime.ContainerMetadata;
import io.flotilla.api.runtime.PodSandboxMetadata;
import java.util.Objects;

/**
 * Docker object names and image references. Sandboxes and containers get dockershim-style names that make a
 * duplicate (same pod, container name and attempt) fail with a conflict, and that humans can read in {@code docker
 * ps}. Stateless and thread-safe.
 */
public final class Names {
    private static final int SHORT_ID = 12;

    private Names() {
    }

    /** {@code flotilla_POD_<pod>_<namespace>_<uid>_<attempt>}. */
    public static String sandbox(PodSandboxMetadata metadata) {
        return String.join("_", "flotilla", "POD", sanitize(metadata.name()), sanitize(metadata.namespace()),
                sanitize(metadata.uid()), Integer.toString(metadata.attempt()));
    }

    /** {@code flotilla_<container>_<pod>_<namespace>_<sandbox id prefix>_<attempt>}. */
    public static String container(ContainerMetadata container, PodSandboxMetadata pod, String sandboxId) {
        String sandbox = sandboxId.length() > SHORT_ID ? sandboxId.substring(0, SHORT_ID) : sandboxId;
        return String.join("_", "flotilla", sanitize(container.name()), sanitize(pod.name()),
                sanitize(pod.namespace()), sanitize(sandbox), Integer.toString(container.attempt()));
    }

    /** The Docker network of cluster {@code clusterId} ({@code flotilla} when the objects name no cluster). */
    public static String network(String clusterId) {
        return clusterId == null || clusterId.isBlank() ? "flotilla" : "flotilla-" + sanitize(clusterId);
    }

    /** {@code value} with every character Docker names do not allow replaced by {@code -}. */
    public static String sanitize(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-';
            out.append(ok ? c : '-');
        }
        return out.isEmpty() ? "-" : out.toString();
    }

    /**
     * An image reference split the way the pull API wants it: repository, and tag or digest ({@code latest} when
     * the reference has neither, as the Docker CLI does).
     *
     * @param repository the name, with registry and path
     * @param tag        the tag or digest
     */
    public record ImageRef(String repository, String tag) {
        /** Checks the components. */
        public ImageRef {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(tag, "tag");
        }

        /** Parses {@code reference} ({@code reg:5000/app:1}, {@code app@sha256:...}, {@code app}). */
        public static ImageRef parse(String reference) {
            int at = reference.indexOf('@');
            if (at >= 0) {
                return new ImageRef(reference.substring(0, at), reference.substring(at + 1));
            }
            int slash = reference.lastIndexOf('/');
            int colon = reference.lastIndexOf(':');
            if (colon > slash) {
                return new ImageRef(reference.substring(0, colon), reference.substring(colon + 1));
            }
            return new ImageRef(reference, "latest");
        }
    }
}

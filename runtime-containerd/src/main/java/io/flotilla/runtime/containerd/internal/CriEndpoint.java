package io.flotilla.runtime.containerd.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a CRI runtime listens: a unix domain socket, written {@code unix:///run/containerd/containerd.sock} or as a
 * plain absolute path. Immutable.
 *
 * @param uri    the endpoint as shown in messages, always {@code unix://...}; not {@code null}
 * @param socket the socket's path; not {@code null}
 */
public record CriEndpoint(String uri, Path socket) {
    /** containerd's default socket. */
    public static final String DEFAULT = "unix:///run/containerd/containerd.sock";

    /** Checks the components. */
    public CriEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(socket, "socket");
    }

    /**
     * Parses {@code unix:///path} or {@code /path}.
     *
     * @throws IllegalArgumentException naming the accepted forms if {@code text} is neither
     * @throws NullPointerException     if {@code text} is {@code null}
     */
    public static CriEndpoint parse(String text) {
        Objects.requireNonNull(text, "endpoint");
        String path;
        if (text.startsWith("unix://")) {
            path = text.substring("unix://".length());
        } else if (text.startsWith("/")) {
            path = text;
        } else {
            throw new IllegalArgumentException("unsupported containerd endpoint '" + text
                    + "': give its CRI socket as unix:///path/to/containerd.sock or /path/to/containerd.sock");
        }
        if (!path.startsWith("/") || path.length() == 1) {
            throw new IllegalArgumentException("containerd endpoint '" + text
                    + "' needs an absolute socket path, such as " + DEFAULT);
        }
        return new CriEndpoint("unix://" + path, Path.of(path));
    }

    @Override
    public String toString() {
        return uri;
    }
}

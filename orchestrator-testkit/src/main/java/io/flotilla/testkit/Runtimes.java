package io.flotilla.testkit;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the container runtimes tests can use answer on this machine. Each answer is looked up once per JVM.
 * Thread-safe.
 */
public final class Runtimes {
    /** The Docker Engine, at {@code DOCKER_HOST} or the default socket. */
    public static final String DOCKER = "docker";
    /** containerd's CRI socket, named by {@value #CONTAINERD_SOCKET_VARIABLE}. */
    public static final String CONTAINERD = "containerd";
    /**
     * The environment variable naming containerd's CRI socket ({@code unix:///path} or {@code /path}); set by
     * {@code ensure_containerd} in {@code scripts/lib/containerd.sh}.
     */
    public static final String CONTAINERD_SOCKET_VARIABLE = "FLOTILLA_CONTAINERD_SOCKET";

    private static final Map<String, Boolean> ANSWERS = new ConcurrentHashMap<>();

    private Runtimes() {
    }

    /** Whether the named runtime answers; unknown names never do. */
    public static boolean answers(String runtime) {
        return ANSWERS.computeIfAbsent(runtime, r -> switch (r) {
            case DOCKER -> TestDocker.answers();
            case CONTAINERD -> containerdSocket().map(Runtimes::accepts).orElse(false);
            default -> false;
        });
    }

    /**
     * The containerd CRI socket tests should use, as {@code unix:///path}, from {@value #CONTAINERD_SOCKET_VARIABLE};
     * empty when the variable is unset or blank.
     */
    public static Optional<String> containerdSocket() {
        String value = System.getenv(CONTAINERD_SOCKET_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        return Optional.of(trimmed.startsWith("unix://") ? trimmed : "unix://" + trimmed);
    }

    /** Whether something accepts connections on the unix socket {@code unix:///path}. */
    private static boolean accepts(String endpoint) {
        Path socket = Path.of(endpoint.substring("unix://".length()));
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return channel.isConnected();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What is missing and how to fix it, in a sentence. */
    static String describeMissing(String runtime) {
        return switch (runtime) {
            case DOCKER -> "no Docker engine answers at " + TestDocker.host()
                    + " (start dockerd, set DOCKER_HOST, or run scripts/test as root to have it started)";
            case CONTAINERD -> containerdSocket()
                    .map(s -> "no containerd answers at " + s + " (" + CONTAINERD_SOCKET_VARIABLE + ")")
                    .orElse(CONTAINERD_SOCKET_VARIABLE + " is not set")
                    + "; as root, `source scripts/lib/runtimes.sh && source scripts/lib/containerd.sh && "
                    + "ensure_containerd` starts one, imports the test images and exports the variable";
            default -> "unknown runtime '" + runtime + "' (known: docker, containerd)";
        };
    }
}

package io.flotilla.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the container runtimes tests can use answer on this machine. Each answer is looked up once per JVM.
 * Thread-safe.
 */
public final class Runtimes {
    /** The Docker Engine, at {@code DOCKER_HOST} or the default socket. */
    public static final String DOCKER = "docker";
    /** containerd's CRI socket (not supported by the testkit yet: always missing). */
    public static final String CONTAINERD = "containerd";

    private static final Map<String, Boolean> ANSWERS = new ConcurrentHashMap<>();

    private Runtimes() {
    }

    /** Whether the named runtime answers; unknown names never do. */
    public static boolean answers(String runtime) {
        return ANSWERS.computeIfAbsent(runtime, r -> switch (r) {
            case DOCKER -> TestDocker.answers();
            default -> false;
        });
    }

    /** What is missing and how to fix it, in a sentence. */
    static String describeMissing(String runtime) {
        return switch (runtime) {
            case DOCKER -> "no Docker engine answers at " + TestDocker.host()
                    + " (start dockerd, set DOCKER_HOST, or run scripts/test as root to have it started)";
            case CONTAINERD -> "containerd is not supported by the testkit yet";
            default -> "unknown runtime '" + runtime + "' (known: docker, containerd)";
        };
    }
}

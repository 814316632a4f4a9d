package io.flotilla.testkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/**
 * The Docker client tests share: one per JVM, for the engine at {@code DOCKER_HOST} or the default socket.
 * Building a client costs about half a second, so it is built once, lazily, and closed when the JVM exits.
 * Thread-safe.
 */
public final class TestDocker {
    private static volatile DockerClient client;

    private TestDocker() {
    }

    /** The shared client; never {@code null}. Does not check that the engine answers (see {@link #answers()}). */
    public static DockerClient client() {
        DockerClient c = client;
        if (c == null) {
            synchronized (TestDocker.class) {
                c = client;
                if (c == null) {
                    c = create();
                    client = c;
                    DockerClient toClose = c;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(toClose)));
                }
            }
        }
        return c;
    }

    /** Whether an engine answers a ping at the configured address. */
    public static boolean answers() {
        try {
            client().pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Where the client connects, as the user would write it ({@code unix:///var/run/docker.sock}). */
    public static String host() {
        return config().getDockerHost().toString();
    }

    private static DockerClientConfig config() {
        return DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    }

    private static DockerClient create() {
        DockerClientConfig config = config();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(2))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static void closeQuietly(DockerClient c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // the JVM is exiting; nothing useful to do
        }
    }
}

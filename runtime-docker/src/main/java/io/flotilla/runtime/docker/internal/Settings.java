package io.flotilla.runtime.docker.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link io.flotilla.runtime.docker.DockerRuntime} reaches its engine and what it creates there. Immutable;
 * the {@code withXxx} methods are copy-withs.
 *
 * @param host            the engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://10.0.0.7:2376})
 * @param fromEnvironment whether the address and TLS came from {@code DOCKER_HOST} and friends
 * @param tlsDirectory    a directory holding {@code ca.pem}, {@code cert.pem} and {@code key.pem}, or {@code null}
 * @param allowInsecure   whether plain TCP to a non-loopback address is accepted
 * @param sandboxImage    the image of pod sandboxes (and of the helper containers that write volume files)
 * @param defaultHostIp   the host address ports are published on when a mapping names none
 * @param network         a fixed Docker network for every pod, or {@code null} for one network per cluster
 * @param maxConnections  the size of the HTTP connection pool
 * @param connectTimeout  how long connecting to the engine may take
 * @param responseTimeout how long one response may take (a stop waits out its grace period inside it)
 * @param relistInterval  how often event subscribers are told to relist; zero for never
 */
public record Settings(URI host, boolean fromEnvironment, Path tlsDirectory, boolean allowInsecure,
                       String sandboxImage, String defaultHostIp, String network, int maxConnections,
                       Duration connectTimeout, Duration responseTimeout, Duration relistInterval) {
    /** The default sandbox image: the locally built busybox "pause" image of the test kit. */
    public static final String DEFAULT_SANDBOX_IMAGE = "flotilla-test/pause:1";
    /** The files a TLS directory must hold. */
    public static final List<String> TLS_FILES = List.of("ca.pem", "cert.pem", "key.pem");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    /** Checks the components. */
    public Settings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(sandboxImage, "sandboxImage");
        Objects.requireNonNull(defaultHostIp, "defaultHostIp");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(relistInterval, "relistInterval");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
        if (relistInterval.isNegative()) {
            throw new IllegalArgumentException("relistInterval must not be negative: " + relistInterval);
        }
    }

    /** Settings for the engine at {@code host}, with the defaults; loopback publishing for local engines. */
    public static Settings forHost(URI host, boolean fromEnvironment) {
        String hostIp = isLocal(host) ? "127.0.0.1" : "0.0.0.0";
        return new Settings(host, fromEnvironment, null, false, DEFAULT_SANDBOX_IMAGE, hostIp, null, 64,
                Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(60));
    }

    /** These settings with TLS from {@code directory}. */
    public Settings withTls(Path directory) {
        return new Settings(host, fromEnvironment, Objects.requireNonNull(directory, "directory"), allowInsecure,
                sandboxImage, defaultHostIp, network, maxConnections, connectTimeout, responseTimeout,
                relistInterval);
    }

    /** These settings, accepting plain TCP to any address. */
    public Settings withAllowInsecure() {
        return new Settings(host, fromEnvironment, tlsDirectory, true, sandboxImage, defaultHostIp, network,
                maxConnections, connectTimeout, responseTimeout, relistInterval);
    }

    /** These settings with sandbox image {@code image}. */
    public Settings withSandboxImage(String image) {
        return new Settings(host, fromEnvironment, tlsDirectory, allowInsecure, image, defaultHostIp, network,
                maxConnections, connectTimeout, responseTimeout, relistInterval);
    }

    /** These settings publishing ports on {@code hostIp} by default. */
    public Settings withDefaultHostIp(String hostIp) {
        return new Settings(host, fromEnvironment, tlsDirectory, allowInsecure, sandboxImage, hostIp, network,
                maxConnections, connectTimeout, responseTimeout, relistInterval);
    }

    /** These settings putting every sandbox on network {@code name}. */
    public Settings withNetwork(String name) {
        return new Settings(host, fromEnvironment, tlsDirectory, allowInsecure, sandboxImage, defaultHostIp,
                Objects.requireNonNull(name, "network"), maxConnections, connectTimeout, responseTimeout,
                relistInterval);
    }

    /** These settings with a connection pool of {@code size}. */
    public Settings withMaxConnections(int size) {
        return new Settings(host, fromEnvironment, tlsDirectory, allowInsecure, sandboxImage, defaultHostIp, network,
                size, connectTimeout, responseTimeout, relistInterval);
    }

    /** These settings with the given timeouts. */
    public Settings withTimeouts(Duration connect, Duration response) {
        return new Settings(host, fromEnvironment, tlsDirectory, allowInsecure, sandboxImage, defaultHostIp, network,
                maxConnections, connect, response, relistInterval);
    }

    /** These settings telling subscribers to relist every {@code interval} (zero: never). */
    public Settings withRelistInterval(Duration interval) {
        return new Settings(host, fromEnvironment, tlsDirectory, allowInsecure, sandboxImage, defaultHostIp, network,
                maxConnections, connectTimeout, responseTimeout, interval);
    }

    /** The endpoint as users write it, for messages. */
    public String endpoint() {
        return host.toString();
    }

    /** Whether the engine is reached over TCP. */
    public boolean isTcp() {
        String scheme = host.getScheme() == null ? "" : host.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("tcp") || scheme.equals("http") || scheme.equals("https");
    }

    /**
     * Checks the security rules: TLS directories must hold {@link #TLS_FILES}; plain TCP is refused for addresses
     * other than loopback unless {@link #allowInsecure()}.
     *
     * @return {@code null} when the settings are acceptable, otherwise what is wrong and how to fix it
     */
    public String violation() {
        if (tlsDirectory != null) {
            List<String> missing = TLS_FILES.stream().filter(f -> !Files.isRegularFile(tlsDirectory.resolve(f)))
                    .toList();
            return missing.isEmpty() ? null : "TLS directory " + tlsDirectory + " lacks " + String.join(", ", missing);
        }
        if (!isTcp() || isLocal(host) || allowInsecure || fromEnvironmentTls()) {
            return null;
        }
        return "plain TCP to " + host.getHost() + " is refused: anyone who can reach that port controls the Docker "
                + "host. Use .tls(certDir) with ca.pem, cert.pem and key.pem, or .allowInsecure() to accept the risk";
    }

    private boolean fromEnvironmentTls() {
        return fromEnvironment && "1".equals(System.getenv("DOCKER_TLS_VERIFY"));
    }

    /** Whether {@code host} is a unix socket or a loopback TCP address (no name lookups: only literals count). */
    public static boolean isLocal(URI host) {
        String name = host.getHost();
        if (name == null) {
            return true;
        }
        String bare = name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
        return bare.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(bare).matches()
                || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
    }
}

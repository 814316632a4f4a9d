package io.flotilla.testkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/*
 * Design notes: the engine is a plain child process (no setsid wrapper), so its pid is the dockerd pid and kill()
 * is exactly "the daemon crashed": the containers and their shims keep running. Every dockerd started here gets
 * its own data root, exec root, pid file and TCP port, and an address pool of its own (10.214.0.0/16 in /24s):
 * two engines on one kernel otherwise allocate from the same 172.x pools, and only a route check at allocation time
 * keeps them apart. close() restarts a killed engine first: a dockerd without live-restore kills the containers a
 * crashed predecessor left, and its own orderly shutdown then stops containerd and the shims.
 */

/**
 * A Docker engine of a test's own: a {@code dockerd} on a free loopback TCP port with fresh state directories,
 * for fault tests that kill or restart an engine — which must never be the shared one other tests use. It has the
 * test images ({@link TestImages}), no default bridge and no iptables rules.
 *
 * <pre>{@code
 * try (ExtraDockerEngine engine = ExtraDockerEngine.start()) {
 *     ContainerRuntime node = DockerRuntime.remote(engine.host());
 *     ...
 *     engine.kill();      // SIGKILL, as a crashed daemon
 *     engine.restart();   // the same data root, so networks and volumes are still there
 * }
 * }</pre>
 *
 * <p>Needs root and {@code dockerd} on the {@code PATH}. When they are missing, {@link #start()} skips the test
 * (a JUnit assumption) unless {@code FLOTILLA_REQUIRE_RUNTIMES} names {@code docker}, in which case it fails.
 * Not thread-safe: one test drives one engine. Calls block on the daemon.
 */
public final class ExtraDockerEngine implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String ADDRESS_POOL = "base=10.214.0.0/16,size=24";

    private final Path state;
    private final Path execRoot;
    private final URI host;
    private final DockerClient client;
    private final Thread shutdownHook;
    private Process daemon;
    private boolean answeredOnce;
    private boolean closed;

    private ExtraDockerEngine(Path state, Path execRoot, int port) {
        this.state = state;
        this.execRoot = execRoot;
        this.host = URI.create("tcp://127.0.0.1:" + port);
        this.client = newClient(host);
        this.shutdownHook = new Thread(this::close, "extra-dockerd-cleanup");
    }

    /**
     * Starts a new engine, waits until it answers (at most 60 s) and builds the test images in it.
     *
     * @throws org.opentest4j.TestAbortedException if root or {@code dockerd} is missing and Docker is not required
     * @throws IllegalStateException               if they are missing and required, or the engine does not start
     */
    public static ExtraDockerEngine start() {
        String missing = missingPrerequisite();
        if (missing != null) {
            if (RuntimeRequirementExtension.required(Runtimes.DOCKER)) {
                throw new IllegalStateException(RuntimeRequirementExtension.REQUIRE_VARIABLE
                        + " requires docker, but a test engine of its own cannot be started: " + missing);
            }
            Assumptions.abort("cannot start a Docker engine of the test's own: " + missing);
        }
        ExtraDockerEngine engine;
        try {
            engine = new ExtraDockerEngine(Files.createTempDirectory("flotilla-engine-"),
                    Files.createTempDirectory(Path.of("/tmp"), "fx"), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directories of a test Docker engine", e);
        }
        Runtime.getRuntime().addShutdownHook(engine.shutdownHook);
        try {
            engine.launch();
            TestImages.ensureBuilt(engine.client);
        } catch (RuntimeException | Error e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** The engine's address, {@code tcp://127.0.0.1:<port>}: loopback plain TCP, which runtimes accept. */
    public URI host() {
        return host;
    }

    /** A docker-java client of this engine, for the test's own checks; closed with the engine. */
    public DockerClient client() {
        return client;
    }

    /** Whether the engine answers a ping now. */
    public boolean answers() {
        try {
            client.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Kills dockerd with SIGKILL, as a crash would, and waits for it to exit. Its containers keep running, as they
     * do when a real daemon dies. Idempotent.
     */
    public void kill() {
        Process p = daemon;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        waitFor(p, STOP_TIMEOUT);
        daemon = null;
        awaitManagedContainerdExit();
    }

    /**
     * Waits (at most 10 s) until the containerd the killed dockerd ran is gone, zombie included: it gets SIGKILL
     * when its parent dies, but not at once, and a dockerd started while its pid still exists adopts it, loses it
     * and fails ("timeout waiting for containerd to start").
     */
    private void awaitManagedContainerdExit() {
        String pid;
        try {
            pid = Files.readString(execRoot.resolve("containerd").resolve("containerd.pid")).trim();
        } catch (IOException e) {
            return;
        }
        Path proc = Path.of("/proc", pid);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.exists(proc) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(50));
        }
    }

    /**
     * Starts dockerd again on the same state (after {@link #kill()}, or killing it first), and waits until it
     * answers. Without live-restore, the new daemon stops the containers its predecessor left running; their
     * networks, volumes and images remain.
     *
     * @throws IllegalStateException if the engine does not answer within 60 s
     */
    public void restart() {
        kill();
        launch();
    }

    /**
     * Removes every container, volume and network in the engine, stops it (SIGTERM, then SIGKILL after 30 s) and
     * deletes its directories. A killed engine is restarted first so it reaps what it left running. Idempotent;
     * best effort: what cannot be removed is left and not reported.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException exiting) {
            // called by the hook itself
        }
        try {
            if (answeredOnce && (daemon == null || !answers())) {
                killContainersOfDeadDaemon();
                restart();
            }
            emptyEngine();
        } catch (RuntimeException ignored) {
            // stop and delete anyway
        }
        stopGracefully();
        quietly(client::close);
        unmountUnder(state);
        unmountUnder(execRoot);
        deleteTree(state);
        deleteTree(execRoot);
    }

    private void launch() {
        List<String> command = List.of("dockerd", "--host", host.toString(),
                "--data-root", state.resolve("data").toString(), "--exec-root", execRoot.toString(),
                "--pidfile", state.resolve("dockerd.pid").toString(), "--bridge", "none", "--iptables=false",
                "--default-address-pool", ADDRESS_POOL);
        try {
            daemon = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve("dockerd.log").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run dockerd", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers()) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the test Docker engine at " + host + " did not answer within "
                        + START_TIMEOUT + (daemon.isAlive() ? "" : " (it exited with " + daemon.exitValue() + ")")
                        + "; the end of its log:\n" + logTail());
            }
            pause(Duration.ofMillis(100));
        }
        answeredOnce = true;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(state.resolve("dockerd.log")).stream()
                    .filter(l -> !l.contains("module=grpc")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private void emptyEngine() {
        for (Container c : client.listContainersCmd().withShowAll(true).exec()) {
            quietly(() -> client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec());
        }
        var volumes = client.listVolumesCmd().exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> quietly(() -> client.removeVolumeCmd(v.getName()).exec()));
        }
        Set<String> builtIn = Set.of("bridge", "host", "none");
        for (Network n : client.listNetworksCmd().exec()) {
            if (!builtIn.contains(n.getName())) {
                quietly(() -> client.removeNetworkCmd(n.getId()).exec());
            }
        }
    }

    private void stopGracefully() {
        Process p = daemon;
        if (p == null) {
            return;
        }
        p.destroy();
        if (!waitFor(p, STOP_TIMEOUT)) {
            p.destroyForcibly();
            waitFor(p, STOP_TIMEOUT);
        }
        daemon = null;
    }

    /**
     * Kills (SIGKILL) the container processes a killed daemon left: the children of the shims of this engine's
     * containerd, known by its socket under this engine's own exec root. A restarted daemon would otherwise give each
     * SIGTERM and wait 10 s, which busybox's {@code sleep} as PID 1 never honours.
     */
    private void killContainersOfDeadDaemon() {
        String address = "-address " + execRoot.resolve("containerd").resolve("containerd.sock");
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("containerd-shim") && c.contains(address))
                        .orElse(false))
                .flatMap(ProcessHandle::children)
                .forEach(ProcessHandle::destroyForcibly);
    }

    /** What keeps an engine of the test's own from starting, or {@code null}. */
    private static String missingPrerequisite() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                return "dockerd needs root (uid is " + uid + ")";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "cannot tell whether this process runs as root: " + e;
        }
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of((path == null ? "" : path).split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/bin"));
        boolean found = dirs.stream().anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "dockerd")));
        return found ? null : "dockerd is not on the PATH (apt-get install -y docker.io)";
    }

    private static DockerClient newClient(URI host) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host.toString())
                .withDockerTlsVerify(false).build();
        var http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofMinutes(2)).build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dockerd", e);
        }
    }

    private static void quietly(ThrowingRunnable call) {
        try {
            call.run();
        } catch (Exception ignored) {
            // gone already, or the engine is going away
        }
    }

    /** Unmounts what dockerd left mounted under {@code dir} (it bind-mounts its data root onto itself), deepest first. */
    private static void unmountUnder(Path dir) {
        List<String> mounts;
        try {
            mounts = Files.readAllLines(Path.of("/proc/self/mounts")).stream().map(l -> l.split(" ")[1])
                    .filter(m -> m.equals(dir.toString()) || m.startsWith(dir + "/"))
                    .sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return;
        }
        for (String mount : mounts) {
            quietly(() -> new ProcessBuilder("umount", "-l", mount).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS));
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp dir left behind is harmless
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public String toString() {
        return "ExtraDockerEngine[" + host + ", state " + state + "]";
    }
}

package io.flotilla.examples;

import com.github.dockerjava.api.DockerClient;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.runtime.containerd.ContainerdRuntime;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real container runtimes the runtime-neutral ITs of this module run on, and the few things a test does to a
 * runtime from outside the cluster: connect a node to it, make the test images available, and kill a container's
 * process with SIGKILL behind the cluster's back. Thread-safe; calls block on the runtime.
 */
enum TestRuntime {
    /** The local Docker engine (default socket or {@code DOCKER_HOST}). */
    DOCKER(Runtimes.DOCKER, "") {
        @Override
        ContainerRuntime connect(String clusterId) {
            return DockerRuntime.local();
        }

        @Override
        void ensureImages(ContainerRuntime runtime) {
            TestImages.ensureBuilt(TestDocker.client());
        }

        @Override
        void kill(String containerId) {
            DockerClient docker = TestDocker.client();
            docker.killContainerCmd(containerId).withSignal("KILL").exec();
        }
    },

    /** The containerd named by {@code FLOTILLA_CONTAINERD_SOCKET}, through its CRI socket. */
    CONTAINERD(Runtimes.CONTAINERD, "c") {
        @Override
        ContainerRuntime connect(String clusterId) {
            return ContainerdRuntime.connect(socket()).stateDir(stateDir(clusterId));
        }

        @Override
        void ensureImages(ContainerRuntime runtime) {
            for (String image : List.of(TestImages.BUSYBOX, TestImages.PAUSE)) {
                if (runtime.imageStatus(ImageSpec.of(image)).isEmpty()) {
                    throw new IllegalStateException(image + " is not in containerd's k8s.io namespace; import it: "
                            + "docker save " + image + " | ctr -a " + socketPath() + " -n k8s.io images import - "
                            + "(ensure_containerd in scripts/lib/containerd.sh does this)");
                }
            }
        }

        @Override
        void kill(String containerId) {
            // the CRI has no kill; containerd's own client signals the task as `docker kill` does
            run(List.of("ctr", "-a", socketPath(), "-n", "k8s.io", "tasks", "kill", "-s", "SIGKILL", containerId));
        }
    };

    private final String runtimeName;
    private final String idTag;

    TestRuntime(String runtimeName, String idTag) {
        this.runtimeName = runtimeName;
        this.idTag = idTag;
    }

    /** The name {@code @RequiresRuntime} and {@code FLOTILLA_REQUIRE_RUNTIMES} use for this runtime. */
    String runtimeName() {
        return runtimeName;
    }

    /** What a cluster id gets after its prefix on this runtime, so the runtimes' clusters never share an id. */
    String idTag() {
        return idTag;
    }

    /** A new, unconnected runtime for a node of cluster {@code clusterId}; the caller closes it. */
    abstract ContainerRuntime connect(String clusterId);

    /**
     * Makes {@link TestImages#BUSYBOX} and {@link TestImages#PAUSE} available to {@code runtime}.
     *
     * @throws IllegalStateException naming the fix when they cannot be
     */
    abstract void ensureImages(ContainerRuntime runtime);

    /**
     * Sends SIGKILL to the process of container {@code containerId}, the way a crash or the OOM killer ends it.
     *
     * @throws IllegalStateException if the runtime does not accept the signal
     */
    abstract void kill(String containerId);

    /**
     * The directory where the containerd node of cluster {@code clusterId} keeps its logs and volumes: one per
     * cluster, so what a cluster leaves there can be told apart from other tests'.
     */
    static Path stateDir(String clusterId) {
        return Path.of(System.getProperty("java.io.tmpdir"), "flotilla-examples-it", clusterId);
    }

    private static String socket() {
        return Runtimes.containerdSocket().orElseThrow(() -> new IllegalStateException(
                Runtimes.CONTAINERD_SOCKET_VARIABLE + " is not set (ensure_containerd in scripts/lib/containerd.sh)"));
    }

    private static String socketPath() {
        return socket().substring("unix://".length());
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (is containerd installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }
}

package io.flotilla.benchmarks.podstart;

import com.github.dockerjava.api.DockerClient;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.benchmarks.TestcontainersEnvironment;
import io.flotilla.runtime.containerd.ContainerdRuntime;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pod start-up, end to end (issues 6 and 9): for N = 1, 10, 30 (by default), the time from applying N
 * single-container pods to a one-node Flotilla cluster until all are Running, on Docker and on containerd, beside
 * raw docker-java create+start of the same busybox containers (sequential and 4 threads) and Testcontainers 2
 * starting them (sequential and {@code Startables.deepStart}), in the same run; each contender once untimed to warm
 * up, then interleaved repeats (the order rotates each repeat) and their medians.
 *
 * <p>Usage: {@code PodStartBenchmark [repeats=3] [sizes=1,10,30]}; {@code -Dcontenders=} a comma-separated subset
 * of {@code flotilla-docker, flotilla-containerd, raw-seq, raw-parallel, tc-seq, tc-deepstart}. containerd is
 * the one named by {@code FLOTILLA_CONTAINERD_SOCKET} with the test images imported (see
 * {@code scripts/lib/containerd.sh}). Everything created carries a run-specific {@code io.flotilla.cluster} label
 * and is removed at the end, also on failure. {@code -Dprofile=true} prints, after every Flotilla run, how many
 * calls of each runtime method it made and how long they took ({@link RuntimeProfile}).
 */
public final class PodStartBenchmark {
    /** The label naming the run on the peers' containers. */
    static final String RUN_LABEL = "podbench.flotilla.io/run";
    /** How long any one start or clean-up may take before the run fails. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static final List<String> ALL = List.of("flotilla-docker", "flotilla-containerd", "raw-seq",
            "raw-parallel", "tc-seq", "tc-deepstart");
    private static final int PARALLEL_THREADS = 4;

    private PodStartBenchmark() {
    }

    /** Runs the harness; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        List<String> selected = selected();
        OptionalInt child = TestcontainersEnvironment.relaunchIfNeeded(
                selected.stream().anyMatch(c -> c.startsWith("tc-")), PodStartBenchmark.class, args);
        if (child.isPresent()) {
            System.exit(child.getAsInt());
        }
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Integer> sizes = args.length > 1 ? Arrays.stream(args[1].split(",")).map(String::trim)
                .map(Integer::valueOf).toList() : List.of(1, 10, 30);
        String run = String.format(Locale.ROOT, "pb%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        DockerClient docker = TestDocker.client();
        TestImages.ensureBuilt(docker);
        List<String> clusters = List.of(run + "-docker", run + "-ctd", run + "-peers");
        Thread sweeper = new Thread(() -> sweep(clusters));
        Runtime.getRuntime().addShutdownHook(sweeper);
        List<Contender> contenders = new ArrayList<>();
        try {
            for (String id : selected) {
                contenders.add(create(id, run, docker));
            }
            Results results = measure(contenders, repeats, sizes);
            report(results, contenders, sizes, repeats);
        } finally {
            contenders.forEach(PodStartBenchmark::closeQuietly);
            sweep(clusters);
            Runtime.getRuntime().removeShutdownHook(sweeper);
        }
        System.exit(0);
    }

    private static List<String> selected() {
        String value = System.getProperty("contenders", String.join(",", ALL));
        List<String> ids = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String id : ids) {
            if (!ALL.contains(id)) {
                throw new IllegalArgumentException("-Dcontenders: unknown contender '" + id + "' (known: "
                        + String.join(", ", ALL) + ")");
            }
        }
        return ids;
    }

    private static Contender create(String id, String run, DockerClient docker) throws Exception {
        Map<String, String> peerLabels = Map.of(RuntimeLabels.CLUSTER, run + "-peers", RUN_LABEL, run);
        return switch (id) {
            case "flotilla-docker" -> new FlotillaContender("Flotilla Docker", run + "-docker", "docker",
                    DockerRuntime.local(), TestImages.BUSYBOX, profile());
            case "flotilla-containerd" -> new FlotillaContender("Flotilla containerd", run + "-ctd", "containerd",
                    containerd(), TestImages.BUSYBOX, profile());
            case "raw-seq" -> new RawDockerContender(docker, rawNetwork(docker, run, peerLabels), peerLabels, 1);
            case "raw-parallel" -> new RawDockerContender(docker, rawNetwork(docker, run, peerLabels), peerLabels,
                    PARALLEL_THREADS);
            case "tc-seq" -> new TestcontainersContender(false, peerLabels);
            case "tc-deepstart" -> new TestcontainersContender(true, peerLabels);
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static RuntimeProfile profile() {
        return Boolean.getBoolean("profile") ? new RuntimeProfile() : null;
    }

    private static ContainerdRuntime containerd() {
        String socket = Runtimes.containerdSocket().orElseThrow(() -> new IllegalStateException(
                Runtimes.CONTAINERD_SOCKET_VARIABLE + " is not set; as root, `source scripts/lib/runtimes.sh && "
                        + "source scripts/lib/containerd.sh && ensure_containerd` starts containerd, imports the "
                        + "test images and exports it (or leave flotilla-containerd out of -Dcontenders)"));
        ContainerdRuntime runtime = ContainerdRuntime.connect(socket)
                .stateDir(Path.of(System.getProperty("java.io.tmpdir"), "flotilla-podbench-containerd"));
        if (runtime.imageStatus(ImageSpec.of(TestImages.BUSYBOX)).isEmpty()) {
            runtime.close();
            throw new IllegalStateException(TestImages.BUSYBOX + " is not in containerd's k8s.io namespace at "
                    + socket + "; import it: docker save " + TestImages.BUSYBOX + " | ctr -a <socket> -n k8s.io "
                    + "images import - (ensure_containerd does this)");
        }
        return runtime;
    }

    private static String rawNetwork(DockerClient docker, String run, Map<String, String> labels) {
        String name = "podbench-" + run;
        if (docker.listNetworksCmd().withNameFilter(name).exec().stream().noneMatch(n -> name.equals(n.getName()))) {
            docker.createNetworkCmd().withName(name).withDriver("bridge").withLabels(labels).exec();
        }
        return name;
    }

    private static Results measure(List<Contender> contenders, int repeats, List<Integer> sizes) throws Exception {
        Results results = new Results(contenders.stream().map(Contender::name).toList());
        for (Contender c : contenders) {
            Duration warm = c.run(2);
            System.out.printf(Locale.ROOT, "warm-up   %-20s N=2: %d ms%n", c.name(), warm.toMillis());
        }
        for (int n : sizes) {
            String before = loadAverage();
            for (int r = 0; r < repeats; r++) {
                for (int k = 0; k < contenders.size(); k++) {
                    Contender c = contenders.get((k + r) % contenders.size());
                    Duration d = c.run(n);
                    results.add(c.name(), n, d);
                    System.out.printf(Locale.ROOT, "repeat %d  %-20s N=%d: %d ms%n", r + 1, c.name(), n,
                            d.toMillis());
                }
            }
            System.out.printf("N=%d done; load average before %s, after %s%n", n, before, loadAverage());
        }
        return results;
    }

    private static void report(Results results, List<Contender> contenders, List<Integer> sizes, int repeats) {
        System.out.println();
        System.out.printf(Locale.ROOT, "pod start-up, medians of %d repeats, %s, %d CPUs, load average now %s%n",
                repeats, Instant.now(), Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println(results.table(sizes));
        int last = sizes.get(sizes.size() - 1);
        String docker = "Flotilla Docker";
        String raw = "raw " + PARALLEL_THREADS + " threads";
        print(results.ratio(docker, raw, last), "docker pod start ratio vs raw parallel at " + last);
        print(results.ratio("Flotilla containerd", docker, last), "containerd pod start ratio vs docker at " + last);
        print(results.ratio(docker, "TC seq", last), "(docker pod start vs Testcontainers sequential at " + last
                + ")");
        print(results.ratio(docker, "TC deepStart", last), "(docker pod start vs Testcontainers deepStart at "
                + last + ")");
    }

    private static void print(OptionalDouble ratio, String line) {
        if (ratio.isPresent()) {
            System.out.printf(Locale.ROOT, "%s: %.2f%n", line, ratio.getAsDouble());
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void closeQuietly(Contender c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            System.err.println("podbench: closing " + c.name() + " failed (the sweep follows): " + e);
        }
    }

    // Label-based, so it also catches what a failed contender left; each cluster id is unique to this run.
    private static void sweep(List<String> clusters) {
        try (DockerRuntime docker = DockerRuntime.local()) {
            for (String id : clusters) {
                DockerRuntime.Removed removed = docker.cleanup(id);
                if (removed.containers() + removed.volumes() + removed.networks() > 0) {
                    System.out.println("podbench: removed what was left of " + id + ": " + removed);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("podbench: the final Docker clean-up failed: " + e);
        }
    }
}

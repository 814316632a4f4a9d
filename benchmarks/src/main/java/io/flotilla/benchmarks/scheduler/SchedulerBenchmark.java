package io.flotilla.benchmarks.scheduler;

import io.flotilla.api.core.Affinity;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodAffinityTerm;
import io.flotilla.api.core.PodAntiAffinity;
import io.flotilla.api.core.TopologySpreadConstraint;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.scheduler.Profile;
import io.flotilla.core.scheduler.Scheduler;
import io.flotilla.core.scheduler.Scheduling;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Kubernetes scheduler_perf-style workloads, end to end: 5,000 nodes (4 CPU, 32Gi, 110 pods, 10 zones) and 1,000
 * pods already placed are written to an in-memory store; a {@link Scheduler} with the default profile
 * ({@link Scheduling#spread()}) starts; then the measured pods are created through the API server and the run
 * ends when the last is bound (seen by a watch). Reports pods/s (measured pods over the time from the first create
 * to the last bind) and the p50/p99 latency from a pod's create to its bind. Workloads: {@code basic} (10,000 pods
 * requesting 100m CPU and 500Mi), {@code antiaffinity} (3,000 pods with required anti-affinity on the hostname)
 * and {@code topologyspread} (10,000 pods with a zone spread constraint, maxSkew 1). Not a test.
 *
 * <p>Like a JMH benchmark, each workload's cluster is set up once and warmed up on: untimed warm-up rounds create
 * the workload's pods, wait until all are bound, and delete them again (grace period 0), so the measured round
 * meets the same 5,000 nodes and 1,000 placed pods, with the JIT done with the hot paths. (A fresh cluster per
 * warm-up left the JIT recompiling in every measured window: each cluster's shutdown deoptimized the scheduling
 * and informer loops.) Every round starts once the process has been quiet for a moment (see
 * {@link ThreadCpu#awaitQuiet}).
 *
 * <p>Usage: {@code SchedulerBenchmark [basic|antiaffinity|topologyspread|all]}; the system property
 * {@code percentageOfNodesToScore} overrides Kubernetes' adaptive default (10% of 5,000 nodes = 500 nodes),
 * {@code -Dwarmups=N} sets the number of warm-up rounds per workload (default 10), and {@code -Djfr=<dir>} records
 * each workload's measured round with JFR (CPU-time and execution sampling every 1 ms, every C2 compilation) into
 * {@code <dir>/<workload>.jfr}. Besides wall-clock figures it prints the CPU time per pod (whole process, scheduling
 * thread, each thread group) and the bytes allocated per pod, which depend far less on other load on the machine.
 */
public final class SchedulerBenchmark {

    private static final int NODES = 5_000;
    private static final int INITIAL_PODS = 1_000;
    private static final int ZONES = 10;
    private static final int CREATE_CHUNK = 100;
    private static final int DEFAULT_WARMUPS = 10;
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final Duration QUIET_MAX_WAIT = Duration.ofSeconds(10);
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(10);
    private static final DeleteOptions DELETE_NOW = DeleteOptions.defaults().withGracePeriodSeconds(0);

    private SchedulerBenchmark() {
    }

    /**
     * Runs the workloads named by {@code args[0]} ({@code basic}, {@code antiaffinity}, {@code topologyspread} or
     * {@code all}, the default) and prints their results.
     *
     * @throws Exception if a workload fails or times out
     */
    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        int warmups = Integer.getInteger("warmups", DEFAULT_WARMUPS);
        if (which.equals("basic") || which.equals("all")) {
            Result basic = run("basic", 10_000, i -> pod("basic", i), warmups);
            System.out.println("scheduling basic pods/s: " + Math.round(basic.podsPerSecond));
        }
        if (which.equals("antiaffinity") || which.equals("all")) {
            run("antiaffinity", 3_000, i -> pod("anti", i).toBuilder().affinity(Affinity.of(PodAntiAffinity.required(
                    PodAffinityTerm.of(LabelSelector.matchLabel("app", "anti"), "kubernetes.io/hostname"))))
                    .build(), warmups);
        }
        if (which.equals("topologyspread") || which.equals("all")) {
            run("topologyspread", 10_000, i -> pod("spread", i).toBuilder().topologySpread(
                    TopologySpreadConstraint.of(1, "topology.kubernetes.io/zone",
                            LabelSelector.matchLabel("app", "spread"))).build(), warmups);
        }
    }

    /** A measured round: pods/s and the create-to-bind latency percentiles. */
    record Result(double podsPerSecond, double p50Millis, double p99Millis) {
    }

    /** One workload: its cluster, {@code warmups} warm-up rounds, then the measured round. */
    static Result run(String name, int measured, IntFunction<Pod> podOf, int warmups) throws Exception {
        InMemoryObjectStore store = InMemoryObjectStore.create();
        ApiServer api = ApiServer.builder().store(store).backgroundControllers(false).build();
        populate(api);
        AtomicReference<Round> round = new AtomicReference<>(new Round(0));
        Watch<Pod> watch = api.watch(Pod.TYPE, WatchOptions.fromNow(), e -> round.get().onEvent(e));
        Integer percentage = Integer.getInteger("percentageOfNodesToScore");
        Profile profile = percentage == null ? Scheduling.spread()
                : Scheduling.spread().toBuilder().percentageOfNodesToScore(percentage).build();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Scheduler scheduler = Scheduler.builder(api).profile(profile).meterRegistry(meters).build()) {
            scheduler.start();
            Thread.sleep(2_000); // let the informers list the cluster
            for (int w = 1; w <= warmups; w++) {
                Pod[] pods = pods(measured, podOf);
                Round r = new Round(measured);
                round.set(r);
                CpuWindow cpu = measure(api, pods, r, meters, name + " warm-up " + w);
                System.out.printf("%s warm-up %d/%d: %.0f pods/s, CPU per pod %.1f us%n", name, w, warmups,
                        measured / ((r.lastBindNanos() - cpu.startNanos()) / 1e9), cpu.processMicrosPerPod(measured));
                deleteAll(api, pods, r, name);
            }
            Pod[] pods = pods(measured, podOf);
            Round r = new Round(measured);
            round.set(r);
            // JFR's own start-up (it instruments classes, which the JIT then compiles) stays out of the window
            Recording jfr = startRecording();
            CpuWindow cpu = measure(api, pods, r, meters, name);
            stopRecording(jfr, name);
            return report(name, measured, r, cpu);
        } finally {
            watch.close();
            api.close();
        }
    }

    /**
     * A round's pods, new objects each round (nothing cached on an object's identity carries over), built before
     * the clock starts, as a load generator's would be.
     */
    private static Pod[] pods(int count, IntFunction<Pod> podOf) {
        return IntStream.range(0, count).mapToObj(podOf).toArray(Pod[]::new);
    }

    /** One round: waits for quiet, then creates the pods and waits until all are bound. */
    private static CpuWindow measure(ApiServer api, Pod[] pods, Round round, MeterRegistry meters, String what)
            throws InterruptedException {
        ThreadCpu.awaitQuiet(QUIET, QUIET_MAX_WAIT);
        CpuWindow cpu = CpuWindow.open(meters);
        createAll(api, pods, round);
        cpu.created();
        round.awaitBound(what, ROUND_TIMEOUT);
        cpu.close();
        return cpu;
    }

    /** Deletes a warm-up round's pods at once (grace period 0) and waits until the watch has seen every delete. */
    private static void deleteAll(ApiServer api, Pod[] pods, Round round, String name) throws InterruptedException {
        for (Pod p : pods) {
            round.deleting(p.metadata().name());
        }
        for (Pod p : pods) {
            api.delete(Pod.TYPE, p.metadata().namespace(), p.metadata().name(), DELETE_NOW);
        }
        round.awaitDeleted(name, ROUND_TIMEOUT);
    }

    private static Result report(String name, int measured, Round round, CpuWindow cpu) {
        double seconds = (round.lastBindNanos() - cpu.startNanos()) / 1e9;
        long[] latencies = round.latenciesNanos();
        Result r = new Result(measured / seconds, latencies[measured / 2] / 1e6,
                latencies[(int) (measured * 0.99)] / 1e6);
        System.out.printf("%s: %d nodes, %d initial pods, %d measured pods in %.2f s: %.0f pods/s, "
                        + "latency p50 %.1f ms, p99 %.1f ms%n", name, NODES, INITIAL_PODS, measured, seconds,
                r.podsPerSecond, r.p50Millis, r.p99Millis);
        double createSeconds = cpu.createNanos() / 1e9;
        double cycleMicros = cpu.meanCycleMicros();
        // where the time goes: the creating thread alone, and the scheduling thread alone (mean cycle)
        System.out.printf("%s: creating the pods took %.2f s (%.0f creates/s); mean scheduling cycle %.1f us "
                        + "(%.0f pods/s if cycles were all)%n", name, createSeconds, measured / createSeconds,
                cycleMicros, 1e6 / cycleMicros);
        // CPU time and allocation, unlike wall time, hardly depend on what else runs on the machine
        double cpuPerPod = cpu.processMicrosPerPod(measured);
        System.out.printf("%s: CPU per pod %.1f us in the whole process (creates, scheduling, binding, watches, "
                        + "GC), %.1f us on the scheduling thread; 2-core ceiling %.0f pods/s; %.1f KB allocated "
                        + "per pod%n", name, cpuPerPod, cpu.schedulerMicrosPerPod(measured), 2e6 / cpuPerPod,
                cpu.kilobytesPerPod(measured));
        System.out.print(name + ": CPU per pod by thread (virtual threads count on ForkJoinPool carriers):\n"
                + cpu.perThreadGroup(measured));
        return r;
    }

    /** The nodes and the pods already placed on them; loops kept out of {@code run} (see {@link #createAll}). */
    private static void populate(ApiServer api) {
        for (int i = 0; i < NODES; i++) {
            api.create(node(i));
        }
        for (int i = 0; i < INITIAL_PODS; i++) {
            Pod p = pod("initial", i);
            api.create(p.withSpec(p.spec().withNodeName(nodeName(i % NODES))));
        }
    }

    /**
     * Creates the pods one by one, stamping each one's create time. In chunks, each a small method call: a method
     * called once per round with a 10,000-turn loop gets compiled on stack (OSR), and recompiled inside a measured
     * window whenever something deoptimized it; the harness's own loop once took ~0.5 s of C2 time per window.
     */
    private static void createAll(ApiServer api, Pod[] pods, Round round) {
        for (int from = 0; from < pods.length; from += CREATE_CHUNK) {
            createChunk(api, pods, from, Math.min(pods.length, from + CREATE_CHUNK), round);
        }
    }

    private static void createChunk(ApiServer api, Pod[] pods, int from, int to, Round round) {
        for (int i = from; i < to; i++) {
            round.creating(pods[i].metadata().name());
            api.create(pods[i]);
        }
    }

    /**
     * A JFR recording of the measured round when {@code -Djfr=<dir>} is set (CPU-time sampling, JDK 25, and every
     * C2 compilation); it starts before the round's quiet wait.
     */
    private static Recording startRecording() throws Exception {
        if (System.getProperty("jfr") == null) {
            return null;
        }
        Recording r = new Recording(Configuration.getConfiguration("profile"));
        r.enable("jdk.CPUTimeSample").with("throttle", "1ms");
        r.enable("jdk.ExecutionSample").with("period", "1 ms");
        r.enable("jdk.Compilation").withThreshold(Duration.ZERO);
        r.start();
        return r;
    }

    private static void stopRecording(Recording r, String name) throws Exception {
        if (r != null) {
            r.stop();
            Path out = Path.of(System.getProperty("jfr"), name + ".jfr");
            r.dump(out);
            r.close();
            System.out.println(name + ": JFR recording of the measured window in " + out);
        }
    }

    static String nodeName(int i) {
        return "node-" + i;
    }

    static Node node(int i) {
        return Node.named(nodeName(i)).label("kubernetes.io/hostname", nodeName(i))
                .label("topology.kubernetes.io/zone", "zone-" + (i % ZONES))
                .capacity("cpu", "4").capacity("memory", "32Gi").capacity("pods", "110")
                .allocatable("cpu", "4").allocatable("memory", "32Gi").allocatable("pods", "110").build();
    }

    static Pod pod(String app, int i) {
        return Pod.named(app + "-" + i).namespace("default").label("app", app)
                .container("pause", c -> c.image("registry.k8s.io/pause:3.10")
                        .resources(r -> r.cpu("100m").memory("500Mi"))).build();
    }
}

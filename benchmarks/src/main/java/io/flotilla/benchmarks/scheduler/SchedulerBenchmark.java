package io.flotilla.benchmarks.scheduler;

import io.flotilla.api.core.Affinity;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodAffinityTerm;
import io.flotilla.api.core.PodAntiAffinity;
import io.flotilla.api.core.TopologySpreadConstraint;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.scheduler.Profile;
import io.flotilla.core.scheduler.Scheduler;
import io.flotilla.core.scheduler.Scheduling;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.store.WatchOptions;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
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
 * <p>Usage: {@code SchedulerBenchmark [basic|antiaffinity|topologyspread|all]}; the system property
 * {@code percentageOfNodesToScore} overrides Kubernetes' adaptive default (10% of 5,000 nodes = 500 nodes), and
 * {@code -Dwarmups=N} sets the number of untimed warm-up runs (5,000 basic pods, each on a fresh cluster) that
 * come first (default 2), and {@code -Djfr=<dir>} records the measured window of each workload with JFR (CPU-time
 * and execution sampling every 1 ms) into {@code <dir>/<workload>.jfr}.
 * Besides wall-clock figures it prints the CPU time per pod (whole process and scheduling thread), which depends
 * far less on other load on the machine.
 */
public final class SchedulerBenchmark {

    private static final int NODES = 5_000;
    private static final int INITIAL_PODS = 1_000;
    private static final int ZONES = 10;

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        // untimed runs first, so the JIT has compiled the hot paths: a JVM benchmark measures steady state
        for (int w = 0, n = Integer.getInteger("warmups", 2); w < n; w++) {
            run("warmup", 5_000, i -> pod("warmup", i));
        }
        if (which.equals("basic") || which.equals("all")) {
            Result basic = run("basic", 10_000, i -> pod("basic", i));
            System.out.println("scheduling basic pods/s: " + Math.round(basic.podsPerSecond));
        }
        if (which.equals("antiaffinity") || which.equals("all")) {
            run("antiaffinity", 3_000, i -> pod("anti", i).toBuilder().affinity(Affinity.of(PodAntiAffinity.required(
                    PodAffinityTerm.of(LabelSelector.matchLabel("app", "anti"), "kubernetes.io/hostname"))))
                    .build());
        }
        if (which.equals("topologyspread") || which.equals("all")) {
            run("topologyspread", 10_000, i -> pod("spread", i).toBuilder().topologySpread(
                    TopologySpreadConstraint.of(1, "topology.kubernetes.io/zone",
                            LabelSelector.matchLabel("app", "spread"))).build());
        }
    }

    record Result(double podsPerSecond, double p50Millis, double p99Millis) {
    }

    static Result run(String name, int measured, IntFunction<Pod> podOf) throws Exception {
        InMemoryObjectStore store = InMemoryObjectStore.create();
        ApiServer api = ApiServer.builder().store(store).backgroundControllers(false).build();
        for (int i = 0; i < NODES; i++) {
            api.create(node(i));
        }
        for (int i = 0; i < INITIAL_PODS; i++) {
            Pod p = pod("initial", i);
            api.create(p.withSpec(p.spec().withNodeName(nodeName(i % NODES))));
        }
        Map<String, Long> created = new ConcurrentHashMap<>(measured * 2);
        long[] latencies = new long[measured];
        AtomicInteger bound = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        long[] lastBind = new long[1];
        Watch<Pod> watch = api.watch(Pod.TYPE, WatchOptions.fromNow(), (WatchEvent<Pod> e) -> {
            if (e.type() == WatchEvent.Type.MODIFIED && e.object() != null && e.object().nodeName() != null) {
                Long t0 = created.remove(e.object().metadata().name());
                if (t0 != null) {
                    long now = System.nanoTime();
                    int k = bound.getAndIncrement();
                    latencies[k] = now - t0;
                    if (k + 1 == measured) {
                        lastBind[0] = now;
                        done.countDown();
                    }
                }
            }
        });
        Integer percentage = Integer.getInteger("percentageOfNodesToScore");
        Profile profile = percentage == null ? Scheduling.spread()
                : Scheduling.spread().toBuilder().percentageOfNodesToScore(percentage).build();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Scheduler scheduler = Scheduler.builder(api).profile(profile).meterRegistry(meters).build()) {
            scheduler.start();
            // the client's objects are ready before the clock starts, as a load generator's would be
            Pod[] pods = new Pod[measured];
            for (int i = 0; i < measured; i++) {
                pods[i] = podOf.apply(i);
            }
            Thread.sleep(2_000); // let the informers list the cluster before the clock starts
            Recording jfr = name.equals("warmup") ? null : startRecording();
            Map<String, Long> threadsStart = ThreadCpu.snapshot();
            long cpuStart = processCpuNanos();
            long schedulerCpuStart = schedulerThreadCpuNanos();
            long start = System.nanoTime();
            for (int i = 0; i < measured; i++) {
                Pod p = pods[i];
                created.put(p.metadata().name(), System.nanoTime());
                api.create(p);
            }
            long createdAt = System.nanoTime();
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(name + ": only " + bound.get() + " of " + measured + " pods bound");
            }
            long cpu = processCpuNanos() - cpuStart;
            long schedulerCpu = schedulerThreadCpuNanos() - schedulerCpuStart;
            Map<String, Long> threadsEnd = ThreadCpu.snapshot();
            stopRecording(jfr, name);
            double seconds = (lastBind[0] - start) / 1e9;
            Arrays.sort(latencies);
            Result r = new Result(measured / seconds, latencies[measured / 2] / 1e6,
                    latencies[(int) (measured * 0.99)] / 1e6);
            System.out.printf("%s: %d nodes, %d initial pods, %d measured pods in %.2f s: %.0f pods/s, "
                            + "latency p50 %.1f ms, p99 %.1f ms%n", name, NODES, INITIAL_PODS, measured, seconds,
                    r.podsPerSecond, r.p50Millis, r.p99Millis);
            Timer cycles = meters.find("flotilla.scheduler.scheduling.attempt.duration").tag("result", "scheduled")
                    .timer();
            double cycleMicros = cycles == null || cycles.count() == 0 ? Double.NaN
                    : cycles.totalTime(TimeUnit.MICROSECONDS) / cycles.count();
            // where the time goes: the creating thread alone, and the scheduling thread alone (mean cycle)
            System.out.printf("%s: creating the pods took %.2f s (%.0f creates/s); mean scheduling cycle %.1f us "
                            + "(%.0f pods/s if cycles were all)%n", name, (createdAt - start) / 1e9,
                    measured / ((createdAt - start) / 1e9), cycleMicros, 1e6 / cycleMicros);
            // CPU time, unlike wall time, hardly depends on what else runs on the machine
            double cpuPerPod = cpu / 1e3 / measured;
            System.out.printf("%s: CPU per pod %.1f us in the whole process (creates, scheduling, binding, watches, "
                            + "GC), %.1f us on the scheduling thread; 2-core ceiling %.0f pods/s%n", name, cpuPerPod,
                    schedulerCpu / 1e3 / measured, 2e6 / cpuPerPod);
            System.out.print(name + ": CPU per pod by thread (virtual threads count on ForkJoinPool carriers):\n"
                    + ThreadCpu.perPod(threadsStart, threadsEnd, measured));
            return r;
        } finally {
            watch.close();
            api.close();
        }
    }

    /** A JFR recording of the measured window when {@code -Djfr=<dir>} is set (CPU-time sampling, JDK 25). */
    private static Recording startRecording() throws Exception {
        if (System.getProperty("jfr") == null) {
            return null;
        }
        Recording r = new Recording(Configuration.getConfiguration("profile"));
        r.enable("jdk.CPUTimeSample").with("throttle", "1ms");
        r.enable("jdk.ExecutionSample").with("period", "1 ms");
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

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long schedulerThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().equals("flotilla-scheduler")) {
                return threads.getThreadCpuTime(t.getThreadId());
            }
        }
        return 0;
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

package io.flotilla.benchmarks.scheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the process spent between {@link #open} and {@link #close}: CPU time of the whole process, of the scheduling
 * thread and of each thread group ({@link ThreadCpu}), bytes allocated by all threads, and the scheduler's
 * successful scheduling cycles (count and total time, from its meters). CPU time and allocation, unlike wall time,
 * hardly depend on what else runs on the machine. Not thread-safe; not a test.
 */
final class CpuWindow {
    private static final String CYCLES = "flotilla.scheduler.scheduling.attempt.duration";

    private final MeterRegistry meters;
    private final Map<String, Long> threadsStart;
    private final long startNanos;
    private long createdNanos;
    private final long processStart;
    private final long schedulerStart;
    private final long allocatedStart;
    private final long cyclesStart;
    private final double cycleMicrosStart;
    private Map<String, Long> threadsEnd;
    private long process;
    private long scheduler;
    private long allocated;
    private long cycles;
    private double cycleMicros;

    private CpuWindow(MeterRegistry meters) {
        this.meters = meters;
        this.threadsStart = ThreadCpu.snapshot();
        this.processStart = processCpuNanos();
        this.schedulerStart = schedulerThreadCpuNanos();
        this.allocatedStart = allocatedBytes();
        Timer t = cycleTimer(meters);
        this.cyclesStart = t == null ? 0 : t.count();
        this.cycleMicrosStart = t == null ? 0 : t.totalTime(TimeUnit.MICROSECONDS);
        this.startNanos = System.nanoTime();
    }

    /** Starts measuring now; {@code meters} are the scheduler's. */
    static CpuWindow open(MeterRegistry meters) {
        return new CpuWindow(meters);
    }

    /** Marks the end of the creates. */
    void created() {
        createdNanos = System.nanoTime();
    }

    /** When the window opened ({@link System#nanoTime()}). */
    long startNanos() {
        return startNanos;
    }

    /** How long the creates took, from the opening to {@link #created()}. */
    long createNanos() {
        return createdNanos - startNanos;
    }

    /** Stops measuring; call once. */
    void close() {
        process = processCpuNanos() - processStart;
        scheduler = schedulerThreadCpuNanos() - schedulerStart;
        allocated = allocatedBytes() - allocatedStart;
        threadsEnd = ThreadCpu.snapshot();
        Timer t = cycleTimer(meters);
        cycles = t == null ? 0 : t.count() - cyclesStart;
        cycleMicros = t == null ? 0 : t.totalTime(TimeUnit.MICROSECONDS) - cycleMicrosStart;
    }

    /** Microseconds of CPU per pod in the whole process. */
    double processMicrosPerPod(int pods) {
        return process / 1e3 / pods;
    }

    /** Microseconds of CPU per pod on the scheduling thread. */
    double schedulerMicrosPerPod(int pods) {
        return scheduler / 1e3 / pods;
    }

    /** Kilobytes allocated per pod by all threads. */
    double kilobytesPerPod(int pods) {
        return allocated / 1024.0 / pods;
    }

    /** The mean successful scheduling cycle in microseconds; NaN if none. */
    double meanCycleMicros() {
        return cycles == 0 ? Double.NaN : cycleMicros / cycles;
    }

    /** One line per thread group (see {@link ThreadCpu#perPod}). */
    String perThreadGroup(int pods) {
        return ThreadCpu.perPod(threadsStart, threadsEnd, pods);
    }

    private static Timer cycleTimer(MeterRegistry meters) {
        return meters.find(CYCLES).tag("result", "scheduled").timer();
    }

    /** Bytes allocated by all threads so far (virtual threads' count on their carriers). */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
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
}

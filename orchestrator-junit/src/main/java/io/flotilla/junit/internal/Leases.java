package io.flotilla.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lease files that tie a test cluster to the JVM that started it, so that a later run can remove the clusters of a
 * JVM that was killed: one file per cluster, {@code <clusterId>.lease}, holding the owner's pid and start time.
 * A lease is written before the cluster starts and deleted after it closed; {@link #sweep} removes what a dead owner
 * left. Thread-safe (files are written atomically, and a lease is only ever swept once its owner is dead).
 */
public final class Leases {
    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
    private static final String SUFFIX = ".lease";

    private final Path dir;
    private final Predicate<Properties> ownerAlive;

    /**
     * Leases in {@code dir}, whose owners are alive as {@code ownerAlive} says (tests pass a fake; production uses
     * {@link #ownerAlive(Properties)}).
     */
    public Leases(Path dir, Predicate<Properties> ownerAlive) {
        this.dir = dir;
        this.ownerAlive = ownerAlive;
    }

    /** The leases of this machine's test runs: {@code ${java.io.tmpdir}/flotilla-junit}, checked against live pids. */
    public static Leases local() {
        return new Leases(Path.of(System.getProperty("java.io.tmpdir"), "flotilla-junit"), Leases::ownerAlive);
    }

    /**
     * Records that this JVM owns cluster {@code clusterId} on runtime {@code runtime}.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void acquire(String clusterId, String runtime) {
        ProcessHandle self = ProcessHandle.current();
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(self.pid()));
        p.setProperty("start", self.info().startInstant().map(Instant::toString).orElse(""));
        p.setProperty("runtime", runtime);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, clusterId, ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                p.store(out, "Flotilla test cluster; removed by the next test run if this process is dead");
            }
            Files.move(tmp, dir.resolve(clusterId + SUFFIX), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lease of test cluster " + clusterId + " in " + dir, e);
        }
    }

    /** Forgets cluster {@code clusterId} (after it closed). Never fails. */
    public void release(String clusterId) {
        try {
            Files.deleteIfExists(dir.resolve(clusterId + SUFFIX));
        } catch (IOException e) {
            LOG.warn("cannot delete the lease of test cluster {}", clusterId, e);
        }
    }

    /**
     * Removes the clusters on {@code runtime} whose owner is dead: calls {@code remove} with each such cluster id,
     * then deletes its lease. A failing {@code remove} keeps the lease for the next run.
     *
     * @return the ids of the clusters removed
     */
    public List<String> sweep(String runtime, Consumer<String> remove) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                Properties p = read(f);
                String id = f.getFileName().toString();
                id = id.substring(0, id.length() - SUFFIX.length());
                if (p == null || !runtime.equals(p.getProperty("runtime")) || ownerAlive.test(p)) {
                    continue;
                }
                try {
                    remove.accept(id);
                    Files.deleteIfExists(f);
                    removed.add(id);
                    LOG.info("removed test cluster {} left by dead process {}", id, p.getProperty("pid"));
                } catch (RuntimeException e) {
                    LOG.warn("cannot remove test cluster {} left by dead process {}", id, p.getProperty("pid"), e);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list test cluster leases in {}", dir, e);
        }
        return removed;
    }

    /** Whether the process a lease names still runs: same pid and, when known, the same start time. */
    public static boolean ownerAlive(Properties lease) {
        long pid;
        try {
            pid = Long.parseLong(lease.getProperty("pid", ""));
        } catch (NumberFormatException e) {
            return false;
        }
        String start = lease.getProperty("start", "");
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> start.isEmpty() || h.info().startInstant().map(i -> i.toString().equals(start)).orElse(true))
                .orElse(false);
    }

    private static Properties read(Path f) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(f)) {
            p.load(in);
            return p;
        } catch (IOException e) {
            return null;
        }
    }
}

package io.flotilla.junit.internal;

import io.flotilla.core.Cluster;
import io.flotilla.core.diagnostics.ClusterReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed test leaves for the person reading the build log: the pods, workloads, recent events and failing
 * containers' last log lines of the test's namespace printed at once, and the full dump written to
 * {@code <reports>/<test class>/<test>.txt}. Never throws (a report must not hide the test's own failure).
 */
public final class FailureDiagnostics {
    /** Configuration parameter (or system property) naming the reports folder. */
    public static final String REPORTS_DIR_PARAMETER = "flotilla.reports.dir";
    /** The reports folder when none is configured, relative to the working directory (the module under Maven). */
    public static final String DEFAULT_REPORTS_DIR = "target/flotilla-reports";

    private static final Logger LOG = LoggerFactory.getLogger(FailureDiagnostics.class);
    private static final int EVENTS = 20;
    private static final int LOG_LINES = 30;

    private FailureDiagnostics() {
    }

    /**
     * Prints the diagnostics of {@code namespace} to {@code out} and writes the full dump.
     *
     * @return the dump file, or {@code null} if it could not be written
     */
    public static Path report(Cluster cluster, String namespace, Path reportsDir, String testClass, String test,
                              Throwable cause, PrintStream out) {
        Path file = reportsDir.resolve(safe(testClass)).resolve(safe(test) + ".txt");
        try {
            ClusterReport report = ClusterReport.of(cluster, namespace);
            String summary = "Workloads:\n" + report.workloadTable() + "\nPods:\n" + report.podTable()
                    + "\nRecent events:\n" + report.recentEvents(EVENTS)
                    + "\nFailing containers (last " + LOG_LINES + " log lines):\n"
                    + report.failingContainerLogs(LOG_LINES);
            String dump = report.fullDump();
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# " + testClass + "." + test + " failed: " + cause + "\n\n" + dump);
            out.println("===== Flotilla diagnostics: " + testClass + "." + test + " failed (cluster " + cluster.id()
                    + ", namespace " + namespace + ") =====\n" + summary + "Full dump: " + file.toAbsolutePath()
                    + "\n===== end of Flotilla diagnostics =====");
            out.flush();
            return file;
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not report the cluster state for failed test {}.{}", testClass, test, e);
            return null;
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

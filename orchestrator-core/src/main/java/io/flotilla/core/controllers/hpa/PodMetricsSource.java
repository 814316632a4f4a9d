package io.flotilla.core.controllers.hpa;

import io.flotilla.api.meta.LabelSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where the HorizontalPodAutoscaler controller reads pods' resource usage, like Kubernetes' resource metrics API
 * ({@code metrics.k8s.io}, served by metrics-server from the kubelets' stats). The node agent feeds one from the
 * runtime's container stats; tests use a fake.
 *
 * <p>Implementations must be thread-safe; the controller calls them from its worker threads.
 */
public interface PodMetricsSource {

    /**
     * The current usage of {@code resource} by each pod in {@code namespace} whose labels match {@code selector},
     * keyed by pod name. A pod with no sample yet is absent (the controller then treats it conservatively).
     *
     * @param namespace the pods' namespace
     * @param selector  the pods' label selector
     * @param resource  {@code cpu} (usage in millicores) or {@code memory} (usage in bytes)
     * @param container only this container's usage; {@code null} for the sum over the pod's containers
     * @return the samples; never {@code null}
     * @throws Unavailable if the source cannot answer at all
     */
    Map<String, PodMetric> podUsage(String namespace, LabelSelector selector, String resource, String container);

    /** A source that never has metrics: every metric-based autoscaler reports that it cannot compute. */
    static PodMetricsSource unavailable() {
        return (namespace, selector, resource, container) -> {
            throw new Unavailable("no resource metrics source is configured");
        };
    }

    /**
     * One pod's sample.
     *
     * @param milliValue the usage in thousandths of the resource's unit (millicores; milli-bytes for memory)
     * @param timestamp  when the sample window ended
     * @param window     how long the sample was averaged over
     */
    record PodMetric(long milliValue, Instant timestamp, Duration window) {
        /** Checks the time fields. */
        public PodMetric {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(window, "window");
        }
    }

    /** The source cannot provide metrics now; the message says why (never secrets). */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** With a message saying why. */
        public Unavailable(String message) {
            super(message);
        }
    }
}

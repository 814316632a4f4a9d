package io.flotilla.core.controllers.hpa;

import io.flotilla.api.autoscaling.HorizontalPodAutoscaler;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.core.Pod;
import io.flotilla.core.controller.Controller;
import io.flotilla.core.controllers.ControllerContext;
import java.util.List;
import java.util.Objects;

/**
 * Registers the HorizontalPodAutoscaler controller. Each autoscaler is evaluated once per sync period (15 s on the
 * context's clock) and when its spec changes; usage comes from the given {@link PodMetricsSource}.
 *
 * <p>Stateless; thread-safe.
 */
public final class HorizontalPodAutoscalerController {
    /** The controller's name (logs, metrics, the source component of its events). */
    public static final String NAME = "horizontal-pod-autoscaler";

    private HorizontalPodAutoscalerController() {
    }

    /**
     * Registers the controller without a metrics source: autoscalers report {@code ScalingActive=False} until one is
     * given (see {@link #register(ControllerContext, PodMetricsSource)}); min/max bounds still apply.
     *
     * @throws NullPointerException if {@code context} is {@code null}
     */
    public static Controller register(ControllerContext context) {
        return register(context, PodMetricsSource.unavailable());
    }

    /**
     * A new reconciler of this controller, for driving it directly (step-by-step simulations and tests); it reads
     * the context's informers, which must be started and synced. {@link #register} uses one too.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Reconciler reconciler(ControllerContext context, PodMetricsSource metrics) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(metrics, "metrics");
        return new HpaReconciler(context.client(), context.informers(), metrics, context.clock(),
                context.recorder(NAME));
    }

    /**
     * Registers the controller, reading pod usage from {@code metrics}.
     *
     * @return the registered controller
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Controller register(ControllerContext context, PodMetricsSource metrics) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(metrics, "metrics");
        Reconciler reconciler = reconciler(context, metrics);
        return context.manager().controller(NAME)
                .forType(HorizontalPodAutoscaler.TYPE)
                // Pod events never trigger an autoscaler (it runs on its period), but its pod cache must be synced.
                .watches(Pod.TYPE, pod -> List.of())
                .workers(2)
                .reconciler(reconciler);
    }
}

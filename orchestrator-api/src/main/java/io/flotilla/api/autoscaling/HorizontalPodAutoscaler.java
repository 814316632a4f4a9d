package io.flotilla.api.autoscaling;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.List;

/**
 * Scales a workload's replicas between bounds to keep resource metrics near their targets ({@code autoscaling/v2}).
 *
 * <pre>{@code
 * HorizontalPodAutoscaler hpa = HorizontalPodAutoscaler.named("web")
 *     .target(Deployment.TYPE, "web")
 *     .minReplicas(2).maxReplicas(10)
 *     .cpuUtilization(70)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #status()} is {@code null} until observed.
 *
 * @param metadata standard metadata
 * @param spec     the desired state
 * @param status   the observed state
 */
public record HorizontalPodAutoscaler(ObjectMeta metadata, HorizontalPodAutoscalerSpec spec,
                                      HorizontalPodAutoscalerStatus status)
        implements HasStatus<HorizontalPodAutoscalerStatus> {

    /** The {@code autoscaling/v2/HorizontalPodAutoscaler} kind. */
    public static final ResourceType<HorizontalPodAutoscaler> TYPE = new ResourceType<>(HorizontalPodAutoscaler.class,
            "autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true,
            HorizontalPodAutoscalerValidation::validate);

    /** Normalises absent metadata. */
    public HorizontalPodAutoscaler {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /** A builder for an autoscaler named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this autoscaler's metadata and spec (not its status). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public ResourceType<HorizontalPodAutoscaler> type() {
        return TYPE;
    }

    @Override
    public HorizontalPodAutoscaler withMetadata(ObjectMeta metadata) {
        return new HorizontalPodAutoscaler(metadata, spec, status);
    }

    @Override
    public HorizontalPodAutoscaler withStatus(HorizontalPodAutoscalerStatus status) {
        return new HorizontalPodAutoscaler(metadata, spec, status);
    }

    /** Fluent builder of {@link HorizontalPodAutoscaler}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, HorizontalPodAutoscaler> {
        private CrossVersionObjectReference scaleTargetRef;
        private Integer minReplicas;
        private Integer maxReplicas;
        private List<MetricSpec> metrics = List.of();
        private ScalingRules scaleUp;
        private ScalingRules scaleDown;

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        private Builder(HorizontalPodAutoscaler hpa) {
            super(hpa.metadata());
            HorizontalPodAutoscalerSpec s = hpa.spec();
            if (s != null) {
                scaleTargetRef = s.scaleTargetRef();
                minReplicas = s.minReplicas();
                maxReplicas = s.maxReplicas();
                metrics = s.metrics();
                if (s.behavior() != null) {
                    scaleUp = s.behavior().scaleUp();
                    scaleDown = s.behavior().scaleDown();
                }
            }
        }

        /** Scales the object of this kind and name: {@code target(Deployment.TYPE, "web")}. */
        public Builder target(ResourceType<?> type, String name) {
            return scaleTargetRef(CrossVersionObjectReference.to(type, name));
        }

        /** Scales {@code workload}, which must be in the autoscaler's namespace. */
        public Builder target(Resource workload) {
            return target(workload.type(), workload.metadata().name());
        }

        /** Sets the object to scale. */
        public Builder scaleTargetRef(CrossVersionObjectReference ref) {
            this.scaleTargetRef = ref;
            return this;
        }

        /** Sets the fewest replicas. */
        public Builder minReplicas(Integer replicas) {
            this.minReplicas = replicas;
            return this;
        }

        /** Sets the most replicas. */
        public Builder maxReplicas(Integer replicas) {
            this.maxReplicas = replicas;
            return this;
        }

        /** Adds a metric. */
        public Builder metric(MetricSpec metric) {
            metrics = Immutables.with(metrics, metric);
            return this;
        }

        /** Keeps the pods' CPU use near {@code percent} percent of their requests. */
        public Builder cpuUtilization(int percent) {
            return metric(MetricSpec.resource(ResourceMetricSource.CPU, MetricTarget.utilization(percent)));
        }

        /** Keeps the pods' memory use near {@code percent} percent of their requests. */
        public Builder memoryUtilization(int percent) {
            return metric(MetricSpec.resource(ResourceMetricSource.MEMORY, MetricTarget.utilization(percent)));
        }

        /**
         * Keeps the pods' average memory use near {@code quantity}, such as {@code "512Mi"}.
         *
         * @throws IllegalArgumentException if {@code quantity} is not a quantity
         */
        public Builder memoryAverageValue(String quantity) {
            return metric(MetricSpec.resource(ResourceMetricSource.MEMORY,
                    MetricTarget.averageValue(Quantity.parse(quantity))));
        }

        /** Sets the rules for scaling up. */
        public Builder scaleUp(ScalingRules rules) {
            this.scaleUp = rules;
            return this;
        }

        /** Sets the rules for scaling down. */
        public Builder scaleDown(ScalingRules rules) {
            this.scaleDown = rules;
            return this;
        }

        @Override
        public HorizontalPodAutoscaler build() {
            HorizontalPodAutoscalerBehavior behavior = scaleUp == null && scaleDown == null ? null
                    : new HorizontalPodAutoscalerBehavior(scaleUp, scaleDown);
            return new HorizontalPodAutoscaler(metadata(),
                    new HorizontalPodAutoscalerSpec(scaleTargetRef, minReplicas, maxReplicas, metrics, behavior), null);
        }
    }
}

package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * A machine (or container runtime endpoint) that runs pods. Cluster-scoped. Its agent registers it and keeps
 * {@code status} (capacity, conditions, addresses) up to date; users cordon it and taint it through {@code spec}.
 *
 * <pre>{@code
 * Node edge = Node.named("edge-1").label("topology.kubernetes.io/zone", "eu-1")
 *         .taint(Taint.of("dedicated", "gpu", Taint.NO_SCHEDULE))
 *         .capacity("cpu", "4").capacity("memory", "16Gi").allocatable("cpu", "3800m")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #spec()} is never {@code null}; {@link #status()} is {@code null} until
 * reported.
 *
 * @param metadata standard metadata; the name is a DNS-1123 subdomain
 * @param spec     cordon state, taints and pod CIDRs
 * @param status   capacity, conditions, addresses and system information
 */
public record Node(ObjectMeta metadata, NodeSpec spec, NodeStatus status) implements HasStatus<NodeStatus> {

    /** The {@code v1/Node} kind. */
    public static final ResourceType<Node> TYPE =
            new ResourceType<>(Node.class, "v1", "Node", "nodes", false, NodeValidation::validate);

    /** Normalises absent values. */
    public Node {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? new NodeSpec(null, null, null, null, null) : spec;
    }

    /** A builder for a node named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this node's metadata, spec and status (nodes are often built whole, status included). */
    public Builder toBuilder() {
        return new Builder(metadata).from(spec, status);
    }

    @Override
    public ResourceType<Node> type() {
        return TYPE;
    }

    @Override
    public Node withMetadata(ObjectMeta metadata) {
        return new Node(metadata, spec, status);
    }

    @Override
    public Node withStatus(NodeStatus status) {
        return new Node(metadata, spec, status);
    }

    /** Whether the node reports condition {@code Ready} as {@code True}. */
    public boolean isReady() {
        return status != null && status.condition(NodeCondition.READY).map(NodeCondition::isTrue).orElse(false);
    }

    /** Whether the node is cordoned ({@code spec.unschedulable: true}). */
    public boolean isUnschedulable() {
        return Boolean.TRUE.equals(spec.unschedulable());
    }

    /**
     * Fluent builder of {@link Node}. Not thread-safe. Unlike most builders it also sets the status, because nodes
     * are declared with their resources (by agents, simulated clusters and tests); the status is left {@code null}
     * when no status method is called.
     */
    public static final class Builder extends ResourceBuilder<Builder, Node> {
        private String podCIDR;
        private List<String> podCIDRs = List.of();
        private String providerID;
        private Boolean unschedulable;
        private List<Taint> taints = List.of();
        private Map<String, Quantity> capacity = Map.of();
        private Map<String, Quantity> allocatable = Map.of();
        private List<NodeCondition> conditions = List.of();
        private List<NodeAddress> addresses = List.of();
        private NodeSystemInfo nodeInfo;
        private List<ContainerImage> images = List.of();

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        private Builder from(NodeSpec spec, NodeStatus status) {
            podCIDR = spec.podCIDR();
            podCIDRs = spec.podCIDRs();
            providerID = spec.providerID();
            unschedulable = spec.unschedulable();
            taints = spec.taints();
            if (status != null) {
                capacity = status.capacity();
                allocatable = status.allocatable();
                conditions = status.conditions();
                addresses = status.addresses();
                nodeInfo = status.nodeInfo();
                images = status.images();
            }
            return this;
        }

        /** Sets {@code spec.podCIDR}. */
        public Builder podCIDR(String cidr) {
            this.podCIDR = cidr;
            return this;
        }

        /** Sets {@code spec.providerID}. */
        public Builder providerID(String providerID) {
            this.providerID = providerID;
            return this;
        }

        /** Sets {@code spec.unschedulable}: {@code true} cordons the node. */
        public Builder unschedulable(Boolean unschedulable) {
            this.unschedulable = unschedulable;
            return this;
        }

        /** Adds one of {@code spec.taints}. */
        public Builder taint(Taint taint) {
            taints = Immutables.with(taints, taint);
            return this;
        }

        /**
         * Sets one entry of {@code status.capacity}, such as {@code capacity("cpu", "4")}.
         *
         * @throws IllegalArgumentException if {@code quantity} is not a quantity
         */
        public Builder capacity(String resource, String quantity) {
            capacity = Immutables.with(capacity, resource, Quantity.parse(quantity));
            return this;
        }

        /**
         * Sets one entry of {@code status.allocatable}, what the scheduler may hand out.
         *
         * @throws IllegalArgumentException if {@code quantity} is not a quantity
         */
        public Builder allocatable(String resource, String quantity) {
            allocatable = Immutables.with(allocatable, resource, Quantity.parse(quantity));
            return this;
        }

        /** Adds one of {@code status.conditions}. */
        public Builder condition(NodeCondition condition) {
            conditions = Immutables.with(conditions, condition);
            return this;
        }

        /** Adds one of {@code status.addresses}, such as {@code address(NodeAddress.INTERNAL_IP, "10.0.0.7")}. */
        public Builder address(String type, String address) {
            addresses = Immutables.with(addresses, NodeAddress.of(type, address));
            return this;
        }

        /** Sets {@code status.nodeInfo}. */
        public Builder nodeInfo(NodeSystemInfo nodeInfo) {
            this.nodeInfo = nodeInfo;
            return this;
        }

        /** Adds one of {@code status.images}. */
        public Builder image(ContainerImage image) {
            images = Immutables.with(images, image);
            return this;
        }

        @Override
        public Node build() {
            boolean noStatus = capacity.isEmpty() && allocatable.isEmpty() && conditions.isEmpty()
                    && addresses.isEmpty() && nodeInfo == null && images.isEmpty();
            return new Node(metadata(), new NodeSpec(podCIDR, podCIDRs, providerID, unschedulable, taints),
                    noStatus ? null : new NodeStatus(capacity, allocatable, conditions, addresses, nodeInfo, images));
        }
    }
}

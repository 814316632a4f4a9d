package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The observed state of a Node, as its agent reports it. Immutable; collections are never {@code null}.
 *
 * @param capacity    the node's total resources, such as {@code cpu: 4}, {@code memory: 16Gi}, {@code pods: 110}
 * @param allocatable the resources available to pods, what the scheduler uses
 * @param conditions  the node's health, one entry per condition type
 * @param addresses   where the node is reachable
 * @param nodeInfo    what the node runs
 * @param images      the images present on the node
 */
public record NodeStatus(Map<String, Quantity> capacity, Map<String, Quantity> allocatable,
                         List<NodeCondition> conditions, List<NodeAddress> addresses, NodeSystemInfo nodeInfo,
                         List<ContainerImage> images) {

    /** Normalises absent collections. */
    public NodeStatus {
        capacity = Immutables.map(capacity);
        allocatable = Immutables.map(allocatable);
        conditions = Immutables.list(conditions);
        addresses = Immutables.list(addresses);
        images = Immutables.list(images);
    }

    /** The condition of {@code type}, if reported. */
    public Optional<NodeCondition> condition(String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }

    /** The first address of {@code type}, if any. */
    public Optional<String> address(String type) {
        return addresses.stream().filter(a -> type.equals(a.type())).map(NodeAddress::address).findFirst();
    }
}

/**
 * The node lifecycle controller: watches node Leases, marks nodes whose agent stopped renewing as
 * {@code Ready=Unknown} with the {@code node.kubernetes.io/unreachable} taints (or {@code not-ready} for nodes
 * reporting {@code Ready=False}), and evicts their pods once their tolerations run out, so that the pods'
 * controllers replace them on healthy nodes.
 */
package io.flotilla.core.controllers.nodelifecycle;

/**
 * The node-resource plugins, as in Kubernetes' {@code noderesources} package: {@code NodeResourcesFit} filters
 * nodes by free CPU, memory, ephemeral storage, extended resources and pod slots and scores them with the
 * {@code LeastAllocated} (spreading) or {@code MostAllocated} (bin-packing) strategy, and
 * {@code NodeResourcesBalancedAllocation} prefers nodes whose CPU and memory usage stay in proportion. Both share
 * the weighted resource list of their arguments.
 */
package io.flotilla.core.scheduler.plugins.noderesources;

/**
 * The {@code ImageLocality} score plugin: nodes that already hold a pod's container images score higher, in
 * proportion to the images' sizes and how widely they are spread across nodes, as in Kubernetes.
 */
package io.flotilla.core.scheduler.plugins.imagelocality;

/**
 * The client side of the control plane, as client-go: {@link io.flotilla.core.client.Client} and its typed
 * {@link io.flotilla.core.client.ResourceClient}s write and read through the {@link io.flotilla.core.apiserver.ApiServer}
 * (user code and controllers alike); the {@code informer} sub-package holds the shared, indexed caches controllers
 * read from; the {@code events} sub-package records Kubernetes Events, deduplicated.
 */
package io.flotilla.core.client;

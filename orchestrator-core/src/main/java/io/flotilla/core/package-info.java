/**
 * Flotilla's embedded control plane. {@link io.flotilla.core.Cluster} is the entry point: it assembles the object
 * store, the API layer, the shared informers, the controller manager and the event machinery, and is what user
 * code and tests hold. The parts live in sub-packages: {@code store}, {@code apiserver}, {@code client},
 * {@code controller}, {@code time}.
 */
package io.flotilla.core;

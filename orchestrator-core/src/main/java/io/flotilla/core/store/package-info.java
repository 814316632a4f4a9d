/**
 * The control plane's object store: an in-memory, MVCC-style map of immutable resources keyed by kind, namespace
 * and name, with one store-wide revision (like etcd), optimistic concurrency, Kubernetes list semantics
 * (selectors, resourceVersion matching) and watches that resume from any revision still in the retained history.
 * Start with {@link io.flotilla.core.store.ObjectStore} and {@link io.flotilla.core.store.InMemoryObjectStore}.
 */
package io.flotilla.core.store;

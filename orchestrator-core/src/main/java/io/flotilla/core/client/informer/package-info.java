/**
 * Shared informers, after client-go's: one {@link io.flotilla.core.client.informer.SharedInformer} per kind lists and
 * watches the object store, keeps an indexed local cache of the immutable objects, relists and diffs when its watch
 * expires, and delivers adds, updates and deletes to {@link io.flotilla.core.controller.ResourceEventHandler}s, each
 * on its own thread, in order. {@link io.flotilla.core.client.informer.Lister}s read the cache;
 * {@link io.flotilla.core.client.informer.Indexers} names the built-in indexes (namespace, label, controller owner,
 * node) and holds the per-kind index registry; a {@link io.flotilla.core.client.informer.SharedInformerFactory}
 * shares one informer per kind among every controller and is the controller manager's
 * {@link io.flotilla.core.controller.EventSource}.
 */
package io.flotilla.core.client.informer;

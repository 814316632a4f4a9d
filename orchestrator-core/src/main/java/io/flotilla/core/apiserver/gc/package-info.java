/**
 * The garbage collector: deletes objects whose owners (by {@code ownerReferences}) are gone, and carries out
 * Foreground and Orphan deletion, as Kubernetes' garbage collector controller. Start with
 * {@link io.flotilla.core.apiserver.gc.GarbageCollector}.
 */
package io.flotilla.core.apiserver.gc;

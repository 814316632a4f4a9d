/**
 * The API layer over the object store, as kube-apiserver: per-kind defaulting, admission plugins, validation,
 * server-set metadata (uid, generateName, timestamps, generation), the status subresource, finalizers and
 * graceful deletion, namespace rules, and a {@code kubectl apply}-like merge. Start with
 * {@link io.flotilla.core.apiserver.ApiServer} and {@link io.flotilla.core.apiserver.ApiServer#builder()}. The
 * garbage collector and the namespace controller live in the {@code gc} and {@code namespace} sub-packages.
 */
package io.flotilla.core.apiserver;

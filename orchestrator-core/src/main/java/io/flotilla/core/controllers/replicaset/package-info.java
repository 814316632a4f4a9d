/**
 * The ReplicaSet controller, after Kubernetes' {@code replicaset} controller: it keeps {@code spec.replicas} active
 * pods matching each ReplicaSet's selector (adopting matching orphans, releasing pods whose labels stop matching),
 * creates pods in slow-start batches and deletes the least valuable pods first, guards against acting twice on a
 * stale cache with expectations, and reports replica counts, availability ({@code minReadySeconds}) and the
 * {@code ReplicaFailure} condition in the status.
 */
package io.flotilla.core.controllers.replicaset;

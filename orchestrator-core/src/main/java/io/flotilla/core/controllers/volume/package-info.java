/**
 * PersistentVolume binding, after Kubernetes' PV controller: claims are bound to the smallest matching available
 * volume (storage class, access modes, capacity, selector, volume mode, node affinity), or to a volume provisioned
 * for them when their StorageClass's provisioner is Flotilla's own ({@value
 * io.flotilla.core.controllers.volume.VolumeController#PROVISIONER}: a volume backed by a runtime volume of the
 * node agent, named after the claim's uid); {@code WaitForFirstConsumer} classes bind only once a pod using the
 * claim is scheduled (recorded in the claim's {@code volume.kubernetes.io/selected-node} annotation). Volumes whose
 * claim is deleted are {@code Released} and kept ({@code Retain}) or deleted ({@code Delete}). A default
 * StorageClass is created at cluster start if there is none.
 */
package io.flotilla.core.controllers.volume;

/**
 * Small helpers shared by the built-in workload controllers, after Kubernetes' {@code podutil} and
 * {@code controller_utils}: pod health ({@link io.flotilla.core.controllers.support.Pods}), pod-template hashes
 * ({@link io.flotilla.core.controllers.support.TemplateHash}) and create/delete expectations
 * ({@link io.flotilla.core.controllers.support.Expectations}) that keep a controller from acting twice before its
 * informer cache has seen its own writes.
 */
package io.flotilla.core.controllers.support;

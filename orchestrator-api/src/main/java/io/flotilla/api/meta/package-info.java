/**
 * What every resource shares: {@link io.flotilla.api.meta.Resource}, {@link io.flotilla.api.meta.ObjectMeta},
 * kind descriptors, label selectors, quantities and int-or-string values, with Kubernetes' field names and
 * semantics. Every type here is immutable and thread-safe.
 */
package io.flotilla.api.meta;

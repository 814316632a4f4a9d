/**
 * A custom resource kind with a user-written reconciler, the Flotilla equivalent of a CRD plus an operator:
 * {@link io.flotilla.examples.crd.Website} ({@code example.flotilla.io/v1}) is served by the API layer like a
 * built-in kind, and {@link io.flotilla.examples.crd.WebsiteReconciler} turns each one into a ConfigMap, a
 * Deployment and a NodePort Service it owns, reporting available replicas in the Website's status.
 */
package io.flotilla.examples.crd;

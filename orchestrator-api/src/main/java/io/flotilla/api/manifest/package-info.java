/**
 * Reading and writing Kubernetes manifests: YAML or JSON, single documents, multi-document streams and
 * {@code kind: List}, bound to the typed model and validated. Errors name the document and the field path.
 */
package io.flotilla.api.manifest;

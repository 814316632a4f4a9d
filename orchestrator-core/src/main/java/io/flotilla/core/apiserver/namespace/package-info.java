/**
 * The namespace controller: empties a terminating namespace, then lets it go, as Kubernetes' namespace
 * lifecycle controller. Start with {@link io.flotilla.core.apiserver.namespace.NamespaceController}.
 */
package io.flotilla.core.apiserver.namespace;

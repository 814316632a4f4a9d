/**
 * A basic ingress controller: {@link io.flotilla.core.network.ingress.IngressRoutes} matches a request's host and
 * path against every Ingress (exact hosts before wildcards before host-less rules, longest path first, Exact before
 * Prefix), and {@link io.flotilla.core.network.ingress.IngressProxy} serves HTTP on the host and reverse-proxies to
 * the chosen Service's ready endpoints, round robin.
 */
package io.flotilla.core.network.ingress;

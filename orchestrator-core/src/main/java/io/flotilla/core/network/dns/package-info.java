/**
 * The cluster DNS server: {@link io.flotilla.core.network.dns.DnsZone} answers queries for Service, endpoint and
 * pod names of the cluster domain from informer caches, and {@link io.flotilla.core.network.dns.DnsServer} serves
 * it over UDP and TCP on Vert.x sockets, with dnsjava as the message codec.
 */
package io.flotilla.core.network.dns;

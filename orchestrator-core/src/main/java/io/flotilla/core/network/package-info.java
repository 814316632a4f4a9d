/**
 * Services and discovery: node port allocation, the cluster DNS, the host proxy (a userspace kube-proxy) and a basic
 * ingress, wired into a cluster by {@link io.flotilla.core.network.ClusterNetwork}.
 *
 * <p><b>No virtual IPs.</b> Flotilla does not allocate cluster IPs: {@code spec.clusterIP} stays unset (or
 * {@code None} for headless Services; a value the user sets is kept but nothing routes it). Inside the cluster a
 * Service name resolves by DNS to the ready endpoint IPs, rotated on every query (DNS round robin), so a client
 * connects straight to a pod: it must use the pod's port, which is the Service port when {@code targetPort} is unset
 * or equal (SRV records {@code _port._proto.svc.ns.svc.cluster.local} give the real target ports). From the host,
 * NodePort and LoadBalancer Services listen on their node port on the bind address (127.0.0.1 by default) and any
 * Service can be opened on demand ({@link io.flotilla.core.network.ServiceAccess#hostUrl}); the host proxy balances
 * connections round robin over the ready endpoints.
 *
 * <p><b>Node ports</b> are allocated at admission from 30000-32767 (configurable in
 * {@link io.flotilla.core.network.NetworkConfig}); a requested port out of range or held by another Service is
 * refused with an {@code Invalid} error naming the port and the Service holding it.
 *
 * <p><b>DNS for containers.</b> Resolvers in containers always ask port 53, so on Docker run the DNS server on the
 * cluster network's gateway address, port 53 ({@code NetworkConfig.withDns(gateway, 53)}, never all interfaces),
 * and give sandboxes {@link io.flotilla.core.network.ClusterDns#dnsConfig(String)}.
 */
package io.flotilla.core.network;

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
 * <p><b>DNS for containers.</b> Resolvers in containers always ask port 53, so besides its host listener the DNS
 * server listens on port 53 of each node's pod network gateway (the Docker cluster network's gateway, the containerd
 * CNI bridge's address; never all interfaces), and node agents give every sandbox its node's address with kubelet's
 * search path ({@link io.flotilla.core.network.ClusterDns}). On Docker user-defined networks the container's
 * {@code resolv.conf} names Docker's embedded DNS (127.0.0.11), which forwards to that address. Without root (port
 * 53 cannot be bound) pods keep their runtime's default resolver; one warning says so.
 */
package io.flotilla.core.network;

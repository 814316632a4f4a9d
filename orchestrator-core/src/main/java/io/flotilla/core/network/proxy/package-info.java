/**
 * The host proxy, a userspace kube-proxy on Vert.x: {@link io.flotilla.core.network.proxy.TcpForwarder} accepts TCP
 * connections on a host port and pipes each to one endpoint (round robin, skipping endpoints that refuse), and
 * {@link io.flotilla.core.network.proxy.HostProxy} keeps one forwarder per node port of every NodePort and
 * LoadBalancer Service, plus forwarders opened on demand for any Service. Endpoints are looked up per connection,
 * so endpoint changes apply to new connections while established ones are left alone.
 */
package io.flotilla.core.network.proxy;

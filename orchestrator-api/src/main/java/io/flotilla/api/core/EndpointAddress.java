package io.flotilla.api.core;

/**
 * One endpoint of a Service: a pod's (or any host's) IP. Immutable; components other than {@code ip} are
 * {@code null} when unset.
 *
 * @param ip        the IP address; required
 * @param hostname  the hostname, for pods of headless Services with {@code spec.hostname}
 * @param nodeName  the node the endpoint runs on
 * @param targetRef the object behind the endpoint, usually the Pod
 */
public record EndpointAddress(String ip, String hostname, String nodeName, ObjectReference targetRef) {

    /** An address with just an IP. */
    public static EndpointAddress of(String ip) {
        return new EndpointAddress(ip, null, null, null);
    }

    /** An address for a pod: its IP, node and a reference to it. */
    public static EndpointAddress ofPod(String ip, String nodeName, ObjectReference pod) {
        return new EndpointAddress(ip, null, nodeName, pod);
    }

    /** A copy with another hostname. */
    public EndpointAddress withHostname(String hostname) {
        return new EndpointAddress(ip, hostname, nodeName, targetRef);
    }
}

package io.flotilla.api.core;

import io.flotilla.api.meta.IntOrString;

/**
 * What a lifecycle hook does: exactly one of the components is set. Immutable.
 *
 * @param exec      run a command in the container
 * @param httpGet   send an HTTP GET
 * @param tcpSocket open a TCP connection (deprecated in Kubernetes, accepted for compatibility)
 * @param sleep     wait
 */
public record LifecycleHandler(ExecAction exec, HttpGetAction httpGet, TcpSocketAction tcpSocket, SleepAction sleep) {

    /** Runs {@code command}. */
    public static LifecycleHandler exec(String... command) {
        return new LifecycleHandler(ExecAction.of(command), null, null, null);
    }

    /** GETs {@code path} on {@code port}. */
    public static LifecycleHandler http(String path, int port) {
        return new LifecycleHandler(null, HttpGetAction.of(path, IntOrString.of(port)), null, null);
    }

    /** Sleeps {@code seconds}. */
    public static LifecycleHandler sleep(long seconds) {
        return new LifecycleHandler(null, null, null, new SleepAction(seconds));
    }

    /** How many handlers are set; exactly one is valid. */
    public int handlerCount() {
        return (exec != null ? 1 : 0) + (httpGet != null ? 1 : 0) + (tcpSocket != null ? 1 : 0)
                + (sleep != null ? 1 : 0);
    }
}

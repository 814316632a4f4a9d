package io.flotilla.api.networking;

/**
 * The port of a Service an Ingress routes to: by number or by the Service port's name, exactly one. Immutable.
 *
 * @param name   the Service port's name
 * @param number the Service port's number
 */
public record ServiceBackendPort(String name, Integer number) {

    /** A port by number. */
    public static ServiceBackendPort number(int number) {
        return new ServiceBackendPort(null, number);
    }

    /** A port by the Service port's name. */
    public static ServiceBackendPort name(String name) {
        return new ServiceBackendPort(name, null);
    }
}

package io.flotilla.core.controllers;

import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.controller.ControllerManager;
import io.flotilla.core.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every built-in controller is given: the manager to register with, the typed client to write through, the
 * shared informers to read from, the clock, and a recorder per controller name. Immutable and thread-safe.
 *
 * @param manager   where controllers register
 * @param client    the typed client (writes go through the API layer)
 * @param informers the shared informers (reads come from their caches)
 * @param clock     the injected clock
 * @param recorders an event recorder per component name
 */
public record ControllerContext(ControllerManager manager, Client client, SharedInformerFactory informers,
                                Clock clock, Function<String, EventRecorder> recorders) {

    /** Checks that every component is present. */
    public ControllerContext {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(informers, "informers");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(recorders, "recorders");
    }

    /** The event recorder of one controller, named as events' source component. */
    public EventRecorder recorder(String component) {
        return recorders.apply(component);
    }
}

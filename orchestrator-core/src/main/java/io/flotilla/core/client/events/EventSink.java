package io.flotilla.core.client.events;

import io.flotilla.api.core.Event;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.ResourceClient;
import io.flotilla.core.store.StoreException;
import java.util.List;
import java.util.Objects;

/**
 * Where recorded Events are written, as client-go's {@code EventSink}; normally {@link #of(Client)}. Implementations
 * are thread-safe and report failures by throwing (the recorder and cleaner catch and count them).
 */
public interface EventSink {

    /** Creates {@code event}; throws {@link StoreException.AlreadyExists} if the name is taken. */
    Event create(Event event);

    /** Replaces {@code event} unconditionally; throws {@link StoreException.NotFound} if it is gone. */
    Event update(Event event);

    /** Every Event, in every namespace. */
    List<Event> list();

    /** Deletes an Event; throws {@link StoreException.NotFound} if it is gone. */
    void delete(String namespace, String name);

    /** The sink that writes through {@code client}'s API server. */
    static EventSink of(Client client) {
        ResourceClient<Event> events = Objects.requireNonNull(client, "client").events();
        return new EventSink() {
            @Override
            public Event create(Event event) {
                return events.create(event);
            }

            @Override
            public Event update(Event event) {
                return events.update(event);
            }

            @Override
            public List<Event> list() {
                return events.inAnyNamespace().list();
            }

            @Override
            public void delete(String namespace, String name) {
                events.inNamespace(namespace).delete(name);
            }
        };
    }
}

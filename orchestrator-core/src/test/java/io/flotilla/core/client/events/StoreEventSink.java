package io.flotilla.core.client.events;

import io.flotilla.api.core.Event;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.ObjectStore;
import io.flotilla.core.store.Preconditions;
import java.util.List;

/** An event sink straight onto a store, so recorder tests need no API server. */
final class StoreEventSink implements EventSink {
    private final ObjectStore store;

    StoreEventSink(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Event create(Event event) {
        return store.create(event);
    }

    @Override
    public Event update(Event event) {
        return store.update(event);
    }

    @Override
    public List<Event> list() {
        return store.list(Event.TYPE, ListOptions.all()).items();
    }

    @Override
    public void delete(String namespace, String name) {
        store.delete(Event.TYPE, namespace, name, Preconditions.NONE);
    }
}

package io.flotilla.core.scheduler;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.scheduler.ObjectLookup;
import io.flotilla.core.client.informer.SharedInformerFactory;
import java.util.List;
import java.util.Optional;

/** {@link ObjectLookup} over shared informers (created on first use), or nothing without a factory. Thread-safe. */
final class InformerObjectLookup implements ObjectLookup {

    private final SharedInformerFactory informers;

    InformerObjectLookup(SharedInformerFactory informers) {
        this.informers = informers;
    }

    @Override
    public <T extends Resource> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        return informers == null ? Optional.empty() : informers.lister(type).get(namespace, name);
    }

    @Override
    public <T extends Resource> List<T> list(ResourceType<T> type, String namespace) {
        if (informers == null) {
            return List.of();
        }
        return namespace == null ? informers.lister(type).list() : informers.lister(type).list(namespace);
    }
}

package io.flotilla.core.scheduler;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.scheduler.ObjectLookup;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.client.informer.SharedInformerFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ObjectLookup} over shared informers (created on first use), or nothing without a factory. Thread-safe. */
final class InformerObjectLookup implements ObjectLookup {

    private final SharedInformerFactory informers;
    // the factory's lookup is synchronized and plugins ask per scheduling cycle; an informer never changes
    private final Map<ResourceType<?>, Lister<?>> listers = new ConcurrentHashMap<>();

    InformerObjectLookup(SharedInformerFactory informers) {
        this.informers = informers;
    }

    @Override
    public <T extends Resource> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        return informers == null ? Optional.empty() : lister(type).get(namespace, name);
    }

    @Override
    public <T extends Resource> List<T> list(ResourceType<T> type, String namespace) {
        if (informers == null) {
            return List.of();
        }
        return namespace == null ? lister(type).list() : lister(type).list(namespace);
    }

    @SuppressWarnings("unchecked")
    private <T extends Resource> Lister<T> lister(ResourceType<T> type) {
        return (Lister<T>) listers.computeIfAbsent(type, informers::lister);
    }
}

package io.flotilla.core.client.informer;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.ListResult;
import io.flotilla.core.store.ObjectStore;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchOptions;

/** What an informer reads from: the store directly, or the API server (whose list and watch are the store's). */
interface ListWatch {

    <T extends Resource> ListResult<T> list(ResourceType<T> type, ListOptions options);

    <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options);

    long revision();

    static ListWatch of(ObjectStore store) {
        return new ListWatch() {
            @Override
            public <T extends Resource> ListResult<T> list(ResourceType<T> type, ListOptions options) {
                return store.list(type, options);
            }

            @Override
            public <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options) {
                return store.watch(type, options);
            }

            @Override
            public long revision() {
                return store.revision();
            }
        };
    }

    static ListWatch of(ApiServer api) {
        return new ListWatch() {
            @Override
            public <T extends Resource> ListResult<T> list(ResourceType<T> type, ListOptions options) {
                return api.list(type, options);
            }

            @Override
            public <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options) {
                return api.watch(type, options);
            }

            @Override
            public long revision() {
                return api.revision();
            }
        };
    }
}

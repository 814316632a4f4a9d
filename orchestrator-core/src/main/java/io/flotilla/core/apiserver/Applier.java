package io.flotilla.core.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.core.store.ObjectStore;
import io.flotilla.core.store.StoreException;
import java.util.List;
import java.util.Optional;

/**
 * {@link ApiServer#apply}: create, or three-way merge ({@link ApplyMerge}) and update, recording the desired state
 * in the {@value ApiServer#LAST_APPLIED_ANNOTATION} annotation; retried when another writer races it.
 * Thread-safe: holds only thread-safe state.
 */
final class Applier {
    private static final int MAX_ATTEMPTS = 64;

    private final StoreApiServer api;
    private final ObjectStore store;
    private final Codec codec;

    Applier(StoreApiServer api, ObjectStore store, Codec codec) {
        this.api = api;
        this.store = store;
        this.codec = codec;
    }

    <T extends Resource> T apply(ResourceType<T> type, T desired, String fieldManager) {
        String name = desired.metadata().name();
        if (Meta.isBlank(name)) {
            throw new ApiException.Invalid(Names.what(type, ""), List.of(FieldError.required(
                    FieldPath.of("metadata.name"), "apply needs a name (generateName is not supported)")));
        }
        String namespace = StoreApiServer.namespaceOf(type, desired.metadata().namespace());
        ObjectNode want = ApplyMerge.desired(codec.tree(desired));
        if (type.namespaced() && want.get("metadata") instanceof ObjectNode meta) {
            meta.put("namespace", namespace);
        }
        String record = Codec.json(want);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= MAX_ATTEMPTS;
            Optional<T> stored = store.get(type, namespace, name);
            if (stored.isEmpty()) {
                ObjectNode tree = want.deepCopy();
                annotate(tree, record);
                try {
                    return api.create(codec.fromTree(tree, type, Names.what(type, name)), fieldManager);
                } catch (StoreException.AlreadyExists raced) {
                    if (last) {
                        throw raced;
                    }
                }
            } else {
                try {
                    return update(type, stored.get(), want, record, fieldManager);
                } catch (StoreException.Conflict | StoreException.NotFound raced) {
                    if (last) {
                        throw raced;
                    }
                }
            }
        }
    }

    private <T extends Resource> T update(ResourceType<T> type, T live, ObjectNode want, String record,
                                          String fieldManager) {
        ObjectNode last = live.metadata().annotation(ApiServer.LAST_APPLIED_ANNOTATION)
                .map(Codec::parseObject).orElse(null);
        ObjectNode merged = ApplyMerge.merge(codec.tree(live), want, last);
        annotate(merged, record);
        T object = codec.fromTree(merged, type, Names.what(type, live.metadata().name()));
        // the live resourceVersion makes this conditional: a write in between is a Conflict, and we merge again
        return api.update(object, fieldManager);
    }

    private static void annotate(ObjectNode tree, String record) {
        ObjectNode meta = tree.get("metadata") instanceof ObjectNode m ? m : tree.putObject("metadata");
        ObjectNode annotations = meta.get("annotations") instanceof ObjectNode a ? a : meta.putObject("annotations");
        annotations.put(ApiServer.LAST_APPLIED_ANNOTATION, record);
    }
}

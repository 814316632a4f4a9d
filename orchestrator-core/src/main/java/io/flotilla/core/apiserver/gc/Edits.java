package io.flotilla.core.apiserver.gc;

import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The collector's metadata edits, each a read-modify-write through the API server that does nothing if the object
 * is gone or was replaced by another with the same name. Stateless.
 */
final class Edits {
    private Edits() {
    }

    /** Removes the references to {@code ownerUids} from the dependent. */
    static void dropOwners(ApiServer api, Resource dependent, Set<String> ownerUids) {
        dropOwners(api, dependent.type(), dependent, ownerUids);
    }

    private static <T extends Resource> void dropOwners(ApiServer api, ResourceType<T> type, Resource dependent,
                                                        Set<String> ownerUids) {
        ObjectMeta m = dependent.metadata();
        edit(api, type, m.namespace(), m.name(), m.uid(), meta -> meta.toBuilder()
                .ownerReferences(meta.ownerReferences().stream().filter(r -> !ownerUids.contains(r.uid())).toList())
                .build());
    }

    /** Removes one finalizer from the object. */
    static void dropFinalizer(ApiServer api, Resource object, String finalizer) {
        dropFinalizer(api, object.type(), object, finalizer);
    }

    private static <T extends Resource> void dropFinalizer(ApiServer api, ResourceType<T> type, Resource object,
                                                           String finalizer) {
        ObjectMeta m = object.metadata();
        edit(api, type, m.namespace(), m.name(), m.uid(), meta -> {
            List<String> left = new ArrayList<>(meta.finalizers());
            left.remove(finalizer);
            return meta.toBuilder().finalizers(left).build();
        });
    }

    private static <T extends Resource> void edit(ApiServer api, ResourceType<T> type, String namespace, String name,
                                                  String uid, java.util.function.UnaryOperator<ObjectMeta> change) {
        try {
            api.update(type, namespace, name, current -> uid.equals(current.metadata().uid())
                    ? type.javaType().cast(current.withMetadata(change.apply(current.metadata())))
                    : current);
        } catch (StoreException.NotFound gone) {
            // nothing left to edit
        }
    }
}

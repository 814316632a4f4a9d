package io.flotilla.core.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.api.ResourceTypes;
import io.flotilla.api.manifest.ManifestException;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import java.util.List;

/** Objects to JSON trees and back, for the served kinds. Stateless and thread-safe. */
final class Codec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Manifests manifests;

    Codec(ResourceTypes types) {
        this.manifests = Manifests.strict().withTypes(types);
    }

    /** A new tree of the object, apiVersion and kind first. */
    ObjectNode tree(Resource object) {
        return manifests.tree(object);
    }

    /**
     * The object of a tree.
     *
     * @throws ApiException.Invalid if the tree does not fit the kind (a defaulter or a merge produced bad data)
     */
    <T extends Resource> T fromTree(ObjectNode tree, ResourceType<T> type, String what) {
        try {
            return manifests.fromTree(tree, type);
        } catch (ManifestException e) {
            throw new ApiException.Invalid(what, List.of(FieldError.invalid(FieldPath.root(), null,
                    e.getMessage())));
        }
    }

    /** Compact JSON of a tree. */
    static String json(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The object tree of a JSON text, or {@code null} if the text is not a JSON object. */
    static ObjectNode parseObject(String json) {
        try {
            return JSON.readTree(json) instanceof ObjectNode node ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

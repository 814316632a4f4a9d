package io.flotilla.api.meta;

import io.flotilla.api.ResourceTypes;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.validation.FieldPath;
import java.util.Map;

/**
 * A test-only kind holding quantities and a selector, so that tests read and write them through the real manifest
 * codec ({@code Manifests}), exactly as a built-in kind's fields are.
 */
record Gadget(ObjectMeta metadata, Gadget.Spec spec) implements Resource {
    static final ResourceType<Gadget> TYPE = new ResourceType<>(Gadget.class, "test.flotilla.io/v1", "Gadget",
            "gadgets", true, (g, errors) -> LabelSelectorValidation.validate(g.spec().selector(),
                    FieldPath.of("spec.selector"), errors));

    static final Manifests CODEC = Manifests.strict().withTypes(ResourceTypes.builtIn().with(TYPE));

    record Spec(Map<String, Quantity> resources, LabelSelector selector) {
    }

    Gadget {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    @Override
    public ResourceType<Gadget> type() {
        return TYPE;
    }

    @Override
    public Gadget withMetadata(ObjectMeta metadata) {
        return new Gadget(metadata, spec);
    }

    /** Reads one gadget from YAML with the given {@code spec:} body (indented by the caller). */
    static Gadget read(String specYaml) {
        return CODEC.readOne("apiVersion: test.flotilla.io/v1\nkind: Gadget\nmetadata:\n  name: g\nspec:\n" + specYaml,
                Gadget.class);
    }
}

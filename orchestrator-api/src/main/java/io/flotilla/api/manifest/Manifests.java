package io.flotilla.api.manifest;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flotilla.api.ResourceTypes;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.InvalidResourceException;
import io.flotilla.api.validation.ValidationErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads Kubernetes manifests into the typed model and writes the model back as YAML or JSON.
 *
 * <p>Reading accepts one document, a multi-document stream ({@code ---}) or a {@code kind: List}, in YAML or JSON.
 * Every document is bound to the record of its kind and validated; if anything is wrong in any document, a
 * {@link ManifestException} lists every problem with its field path and nothing is returned. In strict mode (the
 * default) unknown fields are errors; {@link #lenient()} ignores them.
 *
 * <p>Writing produces YAML that {@code kubectl apply} accepts: {@code apiVersion} and {@code kind} first, unset
 * and empty fields left out. A supported manifest read and written again is equal to the original.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Manifests {
    private static final Manifests STRICT = new Manifests(ResourceTypes.builtIn(), true);

    private final ResourceTypes types;
    private final boolean strict;
    private final ObjectMapper yaml;
    private final ObjectMapper json;

    private Manifests(ResourceTypes types, boolean strict) {
        this.types = types;
        this.strict = strict;
        Mappers mappers = strict ? Mappers.STRICT : Mappers.LENIENT;
        this.yaml = mappers.yaml();
        this.json = mappers.json();
    }

    /**
     * The configured Jackson mappers, one pair per mode for the whole JVM: they do not depend on the kinds known,
     * are thread-safe once configured, and each builds its (de)serialiser cache on first use of a class, which costs
     * tens of milliseconds per kind; a pair per codec paid that again for every cluster.
     */
    private record Mappers(ObjectMapper yaml, ObjectMapper json) {
        static final Mappers STRICT = of(true);
        static final Mappers LENIENT = of(false);

        private static Mappers of(boolean strict) {
            return new Mappers(configure(YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build()).build(), strict), configure(new ObjectMapper(), strict));
        }
    }

    private static ObjectMapper configure(ObjectMapper mapper, boolean strict) {
        return mapper.registerModule(new JavaTimeModule())
                // Records serialise through their fields: helper methods such as isDeleting() are not properties.
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                // Unset (null) fields and empty lists and maps are left out; empty strings are kept, because
                // Kubernetes gives some a meaning (storageClassName: "" means "no class").
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.CUSTOM,
                        JsonInclude.Include.ALWAYS, AbsentFilter.class, null))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Keeps the exact text of numbers such as "memory: 1e3" for Quantity.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Jackson's value filter for {@code Include.CUSTOM}: a value "equal" to this filter is left out. */
    static final class AbsentFilter {
        @Override
        public boolean equals(Object value) {
            return value == null
                    || value instanceof java.util.Collection<?> c && c.isEmpty()
                    || value instanceof Map<?, ?> m && m.isEmpty();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** The strict codec for the built-in kinds: unknown fields are errors. */
    public static Manifests strict() {
        return STRICT;
    }

    /** This codec, but ignoring unknown fields. */
    public Manifests lenient() {
        return new Manifests(types, false);
    }

    /** This codec, knowing the kinds of {@code types} (for custom resources). */
    public Manifests withTypes(ResourceTypes types) {
        return new Manifests(Objects.requireNonNull(types, "types"), strict);
    }

    /** The kinds this codec knows. */
    public ResourceTypes types() {
        return types;
    }

    /**
     * Reads every object of a manifest file.
     *
     * @throws ManifestException    naming every problem, if any document is not a valid object
     * @throws UncheckedIOException if the file cannot be read
     */
    public List<Resource> read(Path file) {
        try {
            return read(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every object of a manifest text, YAML or JSON.
     *
     * @throws ManifestException naming every problem, if any document is not a valid object
     */
    public List<Resource> read(String text) {
        return read(text, "manifest");
    }

    /**
     * Reads a manifest that holds exactly one object of the given type.
     *
     * @throws ManifestException naming every problem, including a wrong kind or a number of objects other than one
     */
    public <T extends Resource> T readOne(String text, Class<T> type) {
        List<Resource> all = read(text);
        if (all.size() != 1 || !type.isInstance(all.get(0))) {
            String found = all.size() == 1 ? all.get(0).kind() : all.size() + " objects";
            throw new ManifestException("manifest", List.of(new InvalidResourceException("manifest", List.of(
                    FieldError.invalid(FieldPath.of("kind"), found,
                            "expected exactly one " + types.of(type).kind())))));
        }
        return type.cast(all.get(0));
    }

    private List<Resource> read(String text, String source) {
        List<Resource> out = new ArrayList<>();
        List<InvalidResourceException> problems = new ArrayList<>();
        List<JsonNode> documents;
        try {
            documents = documents(text);
        } catch (JsonProcessingException e) {
            problems.add(new InvalidResourceException(source, List.of(syntaxError(e))));
            throw new ManifestException(source, problems);
        }
        int index = 0;
        for (JsonNode doc : documents) {
            index++;
            if (doc == null || doc.isNull() || doc.isMissingNode()) {
                continue;
            }
            if (isList(doc)) {
                int item = 0;
                for (JsonNode element : doc.path("items")) {
                    bind(element, "document " + index + " item " + item++, out, problems);
                }
            } else {
                bind(doc, "document " + index, out, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(source, problems);
        }
        return List.copyOf(out);
    }

    private List<JsonNode> documents(String text) throws JsonProcessingException {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser parser = yaml.getFactory().createParser(text);
             MappingIterator<JsonNode> it = yaml.readValues(parser, JsonNode.class)) {
            while (it.hasNextValue()) {
                docs.add(it.nextValue());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JsonProcessingException jpe) {
                throw jpe;
            }
            throw e;
        }
        return docs;
    }

    private static boolean isList(JsonNode doc) {
        return doc.isObject() && doc.path("kind").asText("").equals("List") && doc.path("items").isArray();
    }

    private static FieldError syntaxError(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return FieldError.invalid(FieldPath.root(), null, "not valid YAML or JSON" + where + ": "
                + e.getOriginalMessage());
    }

    private void bind(JsonNode doc, String where, List<Resource> out, List<InvalidResourceException> problems) {
        ValidationErrors errors = new ValidationErrors();
        if (!doc.isObject()) {
            errors.invalid(FieldPath.root(), null, "a manifest document must be a mapping with apiVersion and kind");
            problems.add(new InvalidResourceException(where, errors.list()));
            return;
        }
        ResourceType<?> type = typeOf((ObjectNode) doc, errors);
        String name = doc.path("metadata").path("name").asText(null);
        String what = where + (type == null ? "" : " (" + type.kind() + (name == null ? "" : " \"" + name + "\"") + ")");
        if (type != null) {
            Resource resource = bindTyped((ObjectNode) doc, type, errors);
            if (resource != null) {
                validate(resource, type, errors);
                if (errors.isEmpty()) {
                    out.add(resource);
                    return;
                }
            }
        }
        problems.add(new InvalidResourceException(what, errors.list()));
    }

    private ResourceType<?> typeOf(ObjectNode doc, ValidationErrors errors) {
        String kind = doc.path("kind").isTextual() ? doc.get("kind").asText() : null;
        String apiVersion = doc.path("apiVersion").isTextual() ? doc.get("apiVersion").asText() : null;
        if (kind == null || kind.isEmpty()) {
            errors.required(FieldPath.of("kind"), "every object needs a kind");
        }
        if (apiVersion == null || apiVersion.isEmpty()) {
            errors.required(FieldPath.of("apiVersion"), "every object needs an apiVersion");
        }
        if (kind == null || kind.isEmpty() || apiVersion == null || apiVersion.isEmpty()) {
            return null;
        }
        ResourceType<?> type = types.find(apiVersion, kind).orElse(null);
        if (type != null) {
            return type;
        }
        List<ResourceType<?>> sameKind = types.findByKind(kind);
        if (sameKind.isEmpty()) {
            errors.add(FieldError.notSupported(FieldPath.of("kind"), kind, types.kindNames()));
        } else {
            errors.add(FieldError.notSupported(FieldPath.of("apiVersion"), apiVersion,
                    sameKind.stream().map(ResourceType::apiVersion).toList()));
        }
        return null;
    }

    private Resource bindTyped(ObjectNode doc, ResourceType<?> type, ValidationErrors errors) {
        ObjectNode body = doc.deepCopy();
        body.remove("apiVersion");
        body.remove("kind");
        try {
            return yaml.treeToValue(body, type.javaType());
        } catch (JsonMappingException e) {
            errors.add(BindingErrors.toFieldError(e, strict));
            return null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.invalid(FieldPath.root(), null, e.getMessage());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Resource> void validate(Resource resource, ResourceType<T> type,
                                                      ValidationErrors errors) {
        type.validator().validate((T) resource, errors);
    }

    /** YAML of one object, {@code apiVersion} and {@code kind} first. */
    public String toYaml(Resource resource) {
        return write(yaml, tree(resource));
    }

    /** A multi-document YAML stream of the objects, separated by {@code ---}. */
    public String toYaml(List<? extends Resource> resources) {
        StringBuilder out = new StringBuilder();
        for (Resource r : resources) {
            if (!out.isEmpty()) {
                out.append("---\n");
            }
            out.append(toYaml(r));
        }
        return out.toString();
    }

    /** Pretty-printed JSON of one object, {@code apiVersion} and {@code kind} first. */
    public String toJson(Resource resource) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree(resource));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + resource.kind() + " as JSON", e);
        }
    }

    /**
     * The object as a JSON tree, {@code apiVersion} and {@code kind} first; for tools that work on trees (patches,
     * diffs). The tree is new and owned by the caller.
     */
    public ObjectNode tree(Resource resource) {
        ObjectNode body = json.valueToTree(resource);
        ObjectNode out = json.createObjectNode();
        out.put("apiVersion", resource.apiVersion());
        out.put("kind", resource.kind());
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            out.set(field.getKey(), field.getValue());
        }
        return out;
    }

    /**
     * Binds a JSON tree (with or without apiVersion and kind) to the record of {@code type}, without validation.
     *
     * @throws ManifestException if the tree does not fit the type
     */
    public <T extends Resource> T fromTree(ObjectNode tree, ResourceType<T> type) {
        ValidationErrors errors = new ValidationErrors();
        Resource r = bindTyped(tree, type, errors);
        if (r == null) {
            throw new ManifestException(type.kind(), List.of(new InvalidResourceException(type.kind(), errors.list())));
        }
        return type.javaType().cast(r);
    }

    private static String write(ObjectMapper mapper, JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write manifest", e);
        }
    }
}

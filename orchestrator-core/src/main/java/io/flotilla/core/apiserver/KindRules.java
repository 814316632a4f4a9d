package io.flotilla.core.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.NamespaceSpec;
import io.flotilla.api.core.NamespaceStatus;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The kind-specific parts of create and update, as Kubernetes' REST strategies: the status an object starts with,
 * the Job selector the server generates, and the fields that may not change once set. Stateless and thread-safe.
 *
 * <p>Design notes: kind-specific rules work on JSON trees by Kubernetes field name, so they need no knowledge of
 * the records' constructors and hold for any shape of the model.
 */
final class KindRules {
    private static final String JOB_UID_LABEL = "batch.kubernetes.io/controller-uid";
    private static final String LEGACY_JOB_UID_LABEL = "controller-uid";
    private static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
    private static final String LEGACY_JOB_NAME_LABEL = "job-name";

    /** Fields that never change after create, by kind. */
    private static final Map<String, List<String>> IMMUTABLE = Map.of(
            "apps/v1/Deployment", List.of("spec.selector"),
            "apps/v1/ReplicaSet", List.of("spec.selector"),
            "apps/v1/DaemonSet", List.of("spec.selector"),
            "apps/v1/StatefulSet", List.of("spec.selector", "spec.serviceName", "spec.volumeClaimTemplates",
                    "spec.podManagementPolicy"),
            "batch/v1/Job", List.of("spec.selector", "spec.template", "spec.completionMode", "spec.completions",
                    "spec.manualSelector"),
            "v1/PersistentVolumeClaim", List.of("spec.accessModes", "spec.selector", "spec.volumeMode",
                    "spec.storageClassName"));

    /** Fields that may be set once (from unset) and then never change, by kind. */
    private static final Map<String, List<String>> SET_ONCE = Map.of(
            "v1/Service", List.of("spec.clusterIP"),
            "v1/PersistentVolumeClaim", List.of("spec.volumeName"));

    /** The Pod spec fields an update may change (plus {@code nodeName} once, when binding). */
    private static final List<String> POD_MUTABLE = List.of("activeDeadlineSeconds", "tolerations",
            "terminationGracePeriodSeconds");

    private final Codec codec;

    KindRules(Codec codec) {
        this.codec = codec;
    }

    private static String key(ResourceType<?> type) {
        return type.apiVersion() + "/" + type.kind();
    }

    /**
     * The status a new object starts with: dropped (it is the controllers'), except that a Node keeps the status it
     * registers with, a Namespace starts {@code Active} and a Pod {@code Pending}. A Namespace also gets the
     * {@code kubernetes} finalizer, and a Job without {@code manualSelector} its generated selector.
     */
    @SuppressWarnings("unchecked")
    <T extends Resource> T prepareForCreate(ResourceType<T> type, T object) {
        Resource out = object;
        if (out instanceof Namespace ns) {
            out = new Namespace(ns.metadata(), new NamespaceSpec(List.of(NamespaceSpec.KUBERNETES_FINALIZER)),
                    new NamespaceStatus(NamespaceStatus.ACTIVE));
        } else if (out instanceof Pod pod) {
            out = pod.withStatus(PodStatus.of(PodStatus.PENDING));
        } else if (out instanceof HasStatus<?> withStatus && !(out instanceof Node)) {
            out = withStatus.withStatus(null);
        }
        if ("batch/v1/Job".equals(key(type))) {
            out = jobSelector(type, (T) out);
        }
        return type.javaType().cast(out);
    }

    /** Kubernetes' generated Job selector: the Job's uid as a label of the selector and the template. */
    private <T extends Resource> T jobSelector(ResourceType<T> type, T job) {
        ObjectNode tree = codec.tree(job);
        if (!(tree.get("spec") instanceof ObjectNode spec) || spec.path("manualSelector").asBoolean(false)) {
            return job;
        }
        String uid = job.metadata().uid();
        String name = job.metadata().name();
        ObjectNode selector = spec.putObject("selector");
        selector.putObject("matchLabels").put(JOB_UID_LABEL, uid);
        if (spec.get("template") instanceof ObjectNode template) {
            ObjectNode meta = template.get("metadata") instanceof ObjectNode m ? m : template.putObject("metadata");
            ObjectNode labels = meta.get("labels") instanceof ObjectNode l ? l : meta.putObject("labels");
            labels.put(JOB_UID_LABEL, uid).put(LEGACY_JOB_UID_LABEL, uid)
                    .put(JOB_NAME_LABEL, name).put(LEGACY_JOB_NAME_LABEL, name);
        }
        return codec.fromTree(tree, type, Names.what(type, name));
    }

    /** Carries set-once fields the update left unset (a Service's clusterIP) over from the stored object. */
    <T extends Resource> T prepareForUpdate(ResourceType<T> type, T stored, T next) {
        List<String> setOnce = SET_ONCE.get(key(type));
        if (setOnce == null) {
            return next;
        }
        ObjectNode oldTree = codec.tree(stored);
        ObjectNode newTree = codec.tree(next);
        boolean changed = false;
        for (String path : setOnce) {
            JsonNode was = at(oldTree, path);
            if (!isUnset(was) && isUnset(at(newTree, path)) && parent(newTree, path) instanceof ObjectNode p) {
                p.set(last(path), was.deepCopy());
                changed = true;
            }
        }
        return changed ? codec.fromTree(newTree, type, Names.what(type, next.metadata().name())) : next;
    }

    /**
     * The caller's uid and creationTimestamp, when sent, must be the stored ones.
     *
     * @throws ApiException.Invalid naming the field otherwise
     */
    static <T extends Resource> void checkIdentity(ResourceType<T> type, T stored, T object) {
        ObjectMeta want = object.metadata();
        ObjectMeta have = stored.metadata();
        ValidationErrors errors = new ValidationErrors();
        if (!Meta.isBlank(want.uid()) && !want.uid().equals(have.uid())) {
            errors.invalid(FieldPath.of("metadata.uid"), want.uid(), "field is immutable");
        }
        if (want.creationTimestamp() != null && have.creationTimestamp() != null
                && !want.creationTimestamp().equals(have.creationTimestamp())) {
            errors.invalid(FieldPath.of("metadata.creationTimestamp"), want.creationTimestamp().toString(),
                    "field is immutable");
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid(Names.what(type, have.name()), errors.list());
        }
    }

    /**
     * Adds an error for every field this update may not change, and for finalizers added to an object being
     * deleted.
     */
    <T extends Resource> void checkUpdate(ResourceType<T> type, T stored, T next, ValidationErrors errors) {
        if (stored.metadata().isDeleting()) {
            List<String> added = new ArrayList<>(next.metadata().finalizers());
            added.removeAll(stored.metadata().finalizers());
            if (!added.isEmpty()) {
                errors.add(FieldError.forbidden(FieldPath.of("metadata.finalizers"),
                        "no new finalizers can be added if the object is being deleted, found new finalizers "
                                + added));
            }
        }
        List<String> immutable = IMMUTABLE.getOrDefault(key(type), List.of());
        List<String> setOnce = SET_ONCE.getOrDefault(key(type), List.of());
        // a Pod whose spec is unchanged passes the Pod rule without the two JSON trees it needs
        boolean pod = stored instanceof Pod was && next instanceof Pod now && !Objects.equals(was.spec(), now.spec());
        boolean lockedData = ("v1/ConfigMap".equals(key(type)) || "v1/Secret".equals(key(type)))
                && codec.tree(stored).path("immutable").asBoolean(false);
        if (immutable.isEmpty() && setOnce.isEmpty() && !pod && !lockedData) {
            return;
        }
        ObjectNode oldTree = codec.tree(stored);
        ObjectNode newTree = codec.tree(next);
        for (String path : immutable) {
            if (!Objects.equals(at(oldTree, path), at(newTree, path))) {
                errors.add(FieldError.invalid(FieldPath.of(path), Codec.json(at(newTree, path)), "field is immutable"));
            }
        }
        for (String path : setOnce) {
            JsonNode was = at(oldTree, path);
            if (!isUnset(was) && !was.equals(at(newTree, path))) {
                errors.add(FieldError.invalid(FieldPath.of(path), at(newTree, path).asText(), "field is immutable"));
            }
        }
        if (pod) {
            podSpec(oldTree, newTree, errors);
        }
        if (lockedData) {
            for (String field : List.of("data", "binaryData", "stringData", "immutable")) {
                if (!Objects.equals(oldTree.get(field), newTree.get(field))) {
                    errors.add(FieldError.forbidden(FieldPath.of(field), "field is immutable when `immutable` is set"));
                }
            }
        }
    }

    /** Kubernetes' Pod update rule: only images, deadlines, tolerations and grace may change; nodeName once. */
    private static void podSpec(ObjectNode oldTree, ObjectNode newTree, ValidationErrors errors) {
        ObjectNode was = oldTree.get("spec") instanceof ObjectNode s ? s.deepCopy() : oldTree.objectNode();
        ObjectNode now = newTree.get("spec") instanceof ObjectNode s ? s.deepCopy() : newTree.objectNode();
        for (ObjectNode spec : List.of(was, now)) {
            POD_MUTABLE.forEach(spec::remove);
            for (String list : List.of("containers", "initContainers")) {
                spec.path(list).forEach(c -> {
                    if (c instanceof ObjectNode container) {
                        container.remove("image");
                    }
                });
            }
        }
        if (isUnset(was.get("nodeName"))) {
            now.remove("nodeName");
        }
        if (!was.equals(now)) {
            errors.add(FieldError.forbidden(FieldPath.of("spec"), "pod updates may not change fields other than "
                    + "`spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, "
                    + "`spec.tolerations`, `spec.terminationGracePeriodSeconds` and an unset `spec.nodeName`"));
        }
    }

    private static JsonNode at(ObjectNode tree, String path) {
        JsonNode node = tree;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static JsonNode parent(ObjectNode tree, String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? tree : at(tree, path.substring(0, dot));
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static boolean isUnset(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isEmpty());
    }
}

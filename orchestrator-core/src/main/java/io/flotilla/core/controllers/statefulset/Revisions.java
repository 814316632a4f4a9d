package io.flotilla.core.controllers.statefulset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.apps.StatefulSetStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.manifest.ManifestException;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.core.controllers.support.TemplateHash;

/**
 * A StatefulSet's two revisions: the update revision ({@code <set>-<hash of spec.template>}) and the current one
 * (from {@code status.currentRevision}), with their templates. Kubernetes keeps old templates in
 * ControllerRevision objects; here the current revision's template is kept in the annotation
 * {@value StatefulSetController#CURRENT_TEMPLATE_ANNOTATION} on the set (a Pod manifest named after the revision),
 * written when a revision becomes current. Without it (annotation removed by a user), pods that must be recreated
 * at the current revision get the update revision instead. Immutable.
 *
 * @param update          the update revision's name
 * @param current         the current revision's name
 * @param updateTemplate  the template of {@code update}
 * @param currentTemplate the template of {@code current} ({@code updateTemplate} when unknown)
 */
record Revisions(String update, String current, PodTemplateSpec updateTemplate, PodTemplateSpec currentTemplate) {
    private static final Manifests MANIFESTS = Manifests.strict();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The revisions of {@code set}. */
    static Revisions of(StatefulSet set) {
        StatefulSetStatus status = set.status();
        Integer collisions = status == null ? null : status.collisionCount();
        String update = set.metadata().name() + "-" + TemplateHash.of(set.spec().template(), collisions);
        String current = status == null || status.currentRevision() == null ? update : status.currentRevision();
        PodTemplateSpec currentTemplate = set.spec().template();
        if (!current.equals(update)) {
            Pod stored = stored(set);
            if (stored != null && current.equals(stored.metadata().name())) {
                currentTemplate = new PodTemplateSpec(stored.metadata().withName(null), stored.spec());
            }
        }
        return new Revisions(update, current, set.spec().template(), currentTemplate);
    }

    /** The template to make a pod of {@code revision} from. */
    PodTemplateSpec template(String revision) {
        return revision.equals(current) ? currentTemplate : updateTemplate;
    }

    /** Whether the set's annotation already holds the template of {@code revision}. */
    static boolean annotated(StatefulSet set, String revision) {
        Pod stored = stored(set);
        return stored != null && revision.equals(stored.metadata().name());
    }

    /** The annotation value recording {@code template} as revision {@code name}. */
    static String annotationValue(String name, PodTemplateSpec template) {
        Pod pod = new Pod(template.metadata().withName(name), template.spec(), null);
        return MANIFESTS.tree(pod).toString();
    }

    private static Pod stored(StatefulSet set) {
        String text = set.metadata().annotations().get(StatefulSetController.CURRENT_TEMPLATE_ANNOTATION);
        if (text == null) {
            return null;
        }
        try {
            return MANIFESTS.fromTree((ObjectNode) JSON.readTree(text), Pod.TYPE);
        } catch (JsonProcessingException | ManifestException | ClassCastException e) {
            return null;
        }
    }
}

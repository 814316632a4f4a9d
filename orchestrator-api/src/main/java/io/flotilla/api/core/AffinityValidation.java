package io.flotilla.api.core;

import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.LabelSelectorRequirement;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;

/** Validation of node and pod (anti-)affinity, and of the label selectors scheduling terms use. Stateless. */
final class AffinityValidation {
    private static final String PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution";
    private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";

    private AffinityValidation() {
    }

    static void affinity(Affinity affinity, FieldPath path, ValidationErrors errors) {
        if (affinity == null) {
            return;
        }
        NodeAffinity node = affinity.nodeAffinity();
        if (node != null) {
            FieldPath at = path.child("nodeAffinity");
            if (node.requiredDuringSchedulingIgnoredDuringExecution() != null) {
                nodeSelector(node.requiredDuringSchedulingIgnoredDuringExecution(), at.child(REQUIRED), errors);
            }
            List<PreferredSchedulingTerm> preferred = node.preferredDuringSchedulingIgnoredDuringExecution();
            for (int i = 0; i < preferred.size(); i++) {
                FieldPath term = at.child(PREFERRED).index(i);
                weight(preferred.get(i).weight(), term.child("weight"), errors);
                if (preferred.get(i).preference() == null) {
                    errors.required(term.child("preference"), "");
                } else {
                    nodeSelectorTerm(preferred.get(i).preference(), term.child("preference"), errors);
                }
            }
        }
        if (affinity.podAffinity() != null) {
            podTerms(affinity.podAffinity().requiredDuringSchedulingIgnoredDuringExecution(),
                    affinity.podAffinity().preferredDuringSchedulingIgnoredDuringExecution(),
                    path.child("podAffinity"), errors);
        }
        if (affinity.podAntiAffinity() != null) {
            podTerms(affinity.podAntiAffinity().requiredDuringSchedulingIgnoredDuringExecution(),
                    affinity.podAntiAffinity().preferredDuringSchedulingIgnoredDuringExecution(),
                    path.child("podAntiAffinity"), errors);
        }
    }

    /** A node selector: at least one term, each valid. */
    static void nodeSelector(NodeSelector selector, FieldPath path, ValidationErrors errors) {
        FieldPath terms = path.child("nodeSelectorTerms");
        if (selector.nodeSelectorTerms().isEmpty()) {
            errors.required(terms, "must have at least one node selector term");
        }
        for (int i = 0; i < selector.nodeSelectorTerms().size(); i++) {
            nodeSelectorTerm(selector.nodeSelectorTerms().get(i), terms.index(i), errors);
        }
    }

    private static void nodeSelectorTerm(NodeSelectorTerm term, FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < term.matchExpressions().size(); i++) {
            requirement(term.matchExpressions().get(i), path.child("matchExpressions").index(i), errors);
        }
        for (int i = 0; i < term.matchFields().size(); i++) {
            NodeSelectorRequirement r = term.matchFields().get(i);
            FieldPath at = path.child("matchFields").index(i);
            if (!"metadata.name".equals(r.key())) {
                errors.add(FieldError.notSupported(at.child("key"), r.key(), List.of("metadata.name")));
            }
            if (!NodeSelectorRequirement.IN.equals(r.operator())
                    && !NodeSelectorRequirement.NOT_IN.equals(r.operator())) {
                errors.add(FieldError.notSupported(at.child("operator"), r.operator(),
                        List.of(NodeSelectorRequirement.IN, NodeSelectorRequirement.NOT_IN)));
            } else if (r.values().size() != 1) {
                errors.required(at.child("values"), "must be only one value when `operator` is 'In' or 'NotIn' "
                        + "for node field selector");
            }
        }
    }

    private static void requirement(NodeSelectorRequirement r, FieldPath path, ValidationErrors errors) {
        if (Checks.required(r.key(), path.child("key"), errors)) {
            Checks.qualifiedName(r.key(), path.child("key"), errors);
        }
        FieldPath values = path.child("values");
        String op = r.operator() == null ? "" : r.operator();
        switch (op) {
            case NodeSelectorRequirement.IN, NodeSelectorRequirement.NOT_IN -> {
                if (r.values().isEmpty()) {
                    errors.required(values, "must be specified when `operator` is 'In' or 'NotIn'");
                }
            }
            case NodeSelectorRequirement.EXISTS, NodeSelectorRequirement.DOES_NOT_EXIST -> {
                if (!r.values().isEmpty()) {
                    errors.add(FieldError.forbidden(values,
                            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                }
            }
            case NodeSelectorRequirement.GT, NodeSelectorRequirement.LT -> {
                if (r.values().size() != 1) {
                    errors.required(values, "must be specified single value when `operator` is 'Lt' or 'Gt'");
                } else if (!r.values().get(0).matches("-?[0-9]+")) {
                    errors.invalid(values.index(0), r.values().get(0), "must be an integer");
                }
            }
            default -> errors.add(FieldError.notSupported(path.child("operator"), r.operator(),
                    NodeSelectorRequirement.OPERATORS));
        }
    }

    private static void podTerms(List<PodAffinityTerm> required, List<WeightedPodAffinityTerm> preferred,
                                 FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < required.size(); i++) {
            podTerm(required.get(i), path.child(REQUIRED).index(i), errors);
        }
        for (int i = 0; i < preferred.size(); i++) {
            FieldPath at = path.child(PREFERRED).index(i);
            weight(preferred.get(i).weight(), at.child("weight"), errors);
            if (preferred.get(i).podAffinityTerm() == null) {
                errors.required(at.child("podAffinityTerm"), "");
            } else {
                podTerm(preferred.get(i).podAffinityTerm(), at.child("podAffinityTerm"), errors);
            }
        }
    }

    private static void podTerm(PodAffinityTerm term, FieldPath path, ValidationErrors errors) {
        labelSelector(term.labelSelector(), path.child("labelSelector"), errors);
        labelSelector(term.namespaceSelector(), path.child("namespaceSelector"), errors);
        for (int i = 0; i < term.namespaces().size(); i++) {
            Checks.dns1123Label(term.namespaces().get(i), path.child("namespaces").index(i), errors);
        }
        FieldPath key = path.child("topologyKey");
        if (term.topologyKey() == null || term.topologyKey().isEmpty()) {
            errors.required(key, "can not be empty");
        } else {
            Checks.qualifiedName(term.topologyKey(), key, errors);
        }
    }

    private static void weight(Integer weight, FieldPath path, ValidationErrors errors) {
        if (weight == null || weight < 1 || weight > 100) {
            errors.invalid(path, weight, "must be in the range 1-100");
        }
    }

    /** A label selector of a scheduling term; {@code null} passes. */
    static void labelSelector(LabelSelector selector, FieldPath path, ValidationErrors errors) {
        if (selector == null) {
            return;
        }
        Checks.labels(selector.matchLabels(), path.child("matchLabels"), errors);
        for (int i = 0; i < selector.matchExpressions().size(); i++) {
            LabelSelectorRequirement r = selector.matchExpressions().get(i);
            FieldPath at = path.child("matchExpressions").index(i);
            if (Checks.required(r.key(), at.child("key"), errors)) {
                Checks.qualifiedName(r.key(), at.child("key"), errors);
            }
            String op = r.operator() == null ? "" : r.operator();
            switch (op) {
                case "In", "NotIn" -> {
                    if (r.values().isEmpty()) {
                        errors.required(at.child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!r.values().isEmpty()) {
                        errors.add(FieldError.forbidden(at.child("values"),
                                "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    }
                }
                default -> errors.invalid(at.child("operator"), r.operator(), "not a valid selector operator");
            }
        }
    }
}

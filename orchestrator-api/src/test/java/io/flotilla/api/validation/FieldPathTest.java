package io.flotilla.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Paths print as Kubernetes prints them, and compare by their printed form however they were built. */
class FieldPathTest {
    @Test
    void printsStepsAsKubernetes() {
        FieldPath path = FieldPath.of("spec").child("containers").index(0).child("ports").index(1)
                .child("containerPort");
        assertThat(path).hasToString("spec.containers[0].ports[1].containerPort");
        assertThat(FieldPath.root().child("metadata").child("labels").key("app"))
                .hasToString("metadata.labels[app]");
        assertThat(FieldPath.root().key("k")).hasToString("[k]");
        assertThat(FieldPath.root().index(2).child("x")).hasToString("[2].x");
    }

    @Test
    void rootAndEmptyPathsAreRoot() {
        assertThat(FieldPath.root().isRoot()).isTrue();
        assertThat(FieldPath.of("").isRoot()).isTrue();
        assertThat(FieldPath.root().child("").isRoot()).isTrue();
        assertThat(FieldPath.root().child("spec").isRoot()).isFalse();
    }

    @Test
    void equalityIsByPrintedForm() {
        FieldPath built = FieldPath.of("spec").child("replicas");
        FieldPath parsed = FieldPath.of("spec.replicas");
        assertThat(built).isEqualTo(parsed).hasSameHashCodeAs(parsed);
        assertThat(built).isNotEqualTo(FieldPath.of("spec.replica"));
    }

    @Test
    void aPrintedParentIsReused() {
        FieldPath parent = FieldPath.of("spec").child("template");
        assertThat(parent).hasToString("spec.template");
        assertThat(parent.child("spec")).hasToString("spec.template.spec");
    }
}

package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Namespace: cluster-scoped, DNS-1123 label names, spec finalizers and phases. */
class NamespaceTest {

    private static List<String> errors(Namespace ns) {
        ValidationErrors errors = new ValidationErrors();
        Namespace.TYPE.validator().validate(ns, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    @Test
    void builderEqualsYaml() {
        Namespace built = Namespace.named("shop").label("team", "payments")
                .specFinalizer(NamespaceSpec.KUBERNETES_FINALIZER).build();
        Namespace loaded = Manifests.strict().readOne("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {team: payments}}
                spec: {finalizers: [kubernetes]}
                """, Namespace.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(errors(built)).isEmpty();
        assertThat(Manifests.strict().readOne("{apiVersion: v1, kind: Namespace, metadata: {name: shop}}",
                Namespace.class).spec().finalizers()).isEmpty();
    }

    @Test
    void namesAreLabelsNotSubdomains() {
        assertThat(errors(Namespace.named("shop.team").build())).singleElement().asString()
                .startsWith("metadata.name: Invalid value: \"shop.team\": a lowercase RFC 1123 label");
    }

    @Test
    void terminatingFollowsThePhase() {
        Namespace ns = Namespace.named("shop").build();

        assertThat(ns.isTerminating()).isFalse();
        assertThat(ns.withStatus(NamespaceStatus.of(NamespaceStatus.TERMINATING)).isTerminating()).isTrue();
        assertThat(errors(ns.withStatus(NamespaceStatus.of("Deleting")))).containsExactly(
                "status.phase: Unsupported value: \"Deleting\": supported values: \"Active\", \"Terminating\"");
    }
}

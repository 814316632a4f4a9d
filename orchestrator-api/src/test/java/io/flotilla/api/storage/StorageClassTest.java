package io.flotilla.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StorageClass: builder and YAML agree; provisioner, policies and modes are validated. */
class StorageClassTest {

    private static List<String> errors(StorageClass sc) {
        ValidationErrors errors = new ValidationErrors();
        StorageClass.TYPE.validator().validate(sc, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    @Test
    void builderEqualsYaml() {
        StorageClass built = StorageClass.named("local-path").provisioner("rancher.io/local-path")
                .parameter("nodePath", "/var/lib/flotilla/volumes").reclaimPolicy(StorageClass.DELETE)
                .waitForFirstConsumer().allowVolumeExpansion(true).mountOption("noatime").defaultClass().build();
        StorageClass loaded = Manifests.strict().readOne("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: local-path
                  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                provisioner: rancher.io/local-path
                parameters: {nodePath: /var/lib/flotilla/volumes}
                reclaimPolicy: Delete
                mountOptions: [noatime]
                allowVolumeExpansion: true
                volumeBindingMode: WaitForFirstConsumer
                """, StorageClass.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(built.isDefaultClass()).isTrue();
        assertThat(errors(built)).isEmpty();
    }

    @Test
    void provisionerIsRequiredAndPoliciesMustBeKnown() {
        assertThat(errors(StorageClass.named("x").reclaimPolicy("Recycle").volumeBindingMode("Lazy").build()))
                .containsExactly("provisioner: Required value",
                        "reclaimPolicy: Unsupported value: \"Recycle\": supported values: \"Delete\", \"Retain\"",
                        "volumeBindingMode: Unsupported value: \"Lazy\": supported values: \"Immediate\", "
                                + "\"WaitForFirstConsumer\"");
        assertThat(errors(StorageClass.named("x").provisioner("Bad Provisioner!").build())).singleElement()
                .asString().startsWith("provisioner: Invalid value: \"bad provisioner!\"");
    }

    @Test
    void classesAreClusterScoped() {
        assertThat(errors(StorageClass.named("x").namespace("shop").provisioner("a.io/b").build()))
                .containsExactly("metadata.namespace: Forbidden: not allowed on this type");
    }
}

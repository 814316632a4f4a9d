package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.meta.ObjectMeta;
import org.junit.jupiter.api.Test;

/** ObjectReference: made from a resource, and matching it by kind, namespace, name and uid. */
class ObjectReferenceTest {

    @Test
    void referenceToAResourceCarriesItsIdentity() {
        PersistentVolumeClaim pvc = PersistentVolumeClaim.named("data").readWriteOnce().storage("1Gi").build()
                .withMetadata(ObjectMeta.builder().name("data").namespace("shop").uid("u-1").resourceVersion("7")
                        .build());

        ObjectReference ref = ObjectReference.to(pvc);

        assertThat(ref).isEqualTo(new ObjectReference("PersistentVolumeClaim", "shop", "data", "u-1", "v1", "7",
                null));
        assertThat(ref.refersTo(pvc)).isTrue();
        assertThat(ObjectReference.of("PersistentVolumeClaim", "shop", "data").refersTo(pvc)).isTrue();
    }

    @Test
    void aDifferentUidIsAnotherObject() {
        Namespace ns = Namespace.named("shop").build().withMetadata(ObjectMeta.builder().name("shop").uid("new")
                .build());

        assertThat(new ObjectReference("Namespace", null, "shop", "old", "v1", null, null).refersTo(ns)).isFalse();
        assertThat(ObjectReference.of("Namespace", null, "shop").refersTo(ns)).isTrue();
        assertThat(ObjectReference.of("Node", null, "shop").refersTo(ns)).isFalse();
        assertThat(ObjectReference.of("Pod", "shop", "web").withFieldPath("spec.containers{app}").fieldPath())
                .isEqualTo("spec.containers{app}");
    }
}

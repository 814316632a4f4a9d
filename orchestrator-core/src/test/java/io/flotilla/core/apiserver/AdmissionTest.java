package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.admission.AdmissionDecision;
import io.flotilla.api.admission.AdmissionOperation;
import io.flotilla.api.admission.AdmissionRequest;
import io.flotilla.api.admission.MutatingAdmission;
import io.flotilla.api.admission.ValidatingAdmission;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Pod;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    private final List<AdmissionRequest> seen = new CopyOnWriteArrayList<>();
    private final ApiFixture f = new ApiFixture(b -> b
            .mutatingAdmission(MutatingAdmission.of("default-team", request -> request.object(Pod.class)
                    .filter(pod -> pod.metadata().label("team").isEmpty())
                    .map(pod -> AdmissionDecision.allow(pod.withMetadata(pod.metadata().withLabel("team", "core"))))
                    .orElse(AdmissionDecision.allow())))
            .validatingAdmission(ValidatingAdmission.of("record", request -> {
                seen.add(request);
                return AdmissionDecision.allow();
            }))
            .validatingAdmission(ValidatingAdmission.of("no-root-team", request -> request.object(Pod.class)
                    .filter(pod -> pod.metadata().label("team").filter("root"::equals).isPresent())
                    .map(pod -> AdmissionDecision.deny("team root is reserved", List.of(
                            FieldError.invalid(FieldPath.of("metadata.labels").key("team"), "root", "reserved"))))
                    .orElse(AdmissionDecision.allow())))
            .validatingAdmission(ValidatingAdmission.of("protect", request ->
                    request.operation() == AdmissionOperation.DELETE
                            && request.oldObject().metadata().label("protected").isPresent()
                            ? AdmissionDecision.deny("this object is protected") : AdmissionDecision.allow())));

    @AfterEach
    void close() {
        f.close();
    }

    private static Pod.Builder pod() {
        return Pod.named("p").container("c", c -> c.image("nginx:1.27"));
    }

    @Test
    void mutatingPluginsChangeTheObjectBeforeValidation() {
        assertThat(f.api.create(pod().build()).metadata().labels()).containsEntry("team", "core");
    }

    @Test
    void validatingPluginsSeeTheDefaultedMutatedObject() {
        seen.clear();
        f.api.create(pod().build());
        AdmissionRequest request = seen.getLast();
        assertThat(request.operation()).isEqualTo(AdmissionOperation.CREATE);
        assertThat(request.name()).isEqualTo("p");
        assertThat(request.namespace()).isEqualTo("default");
        Pod pod = request.object(Pod.class).orElseThrow();
        assertThat(pod.metadata().labels()).containsEntry("team", "core");
        assertThat(pod.spec().restartPolicy()).isEqualTo("Always");
        assertThat(pod.metadata().uid()).isNotNull();
    }

    @Test
    void updatesCarryTheOldObject() {
        Pod pod = f.api.create(pod().build());
        seen.clear();
        f.api.update(pod.withMetadata(pod.metadata().withLabel("x", "y")));
        assertThat(seen.getLast().operation()).isEqualTo(AdmissionOperation.UPDATE);
        assertThat(seen.getLast().oldObject()).isEqualTo(pod);
    }

    @Test
    void aDenialWithFieldErrorsIsInvalidNamingThePluginAndChangesNothing() {
        long revision = f.store.revision();
        assertThatThrownBy(() -> f.api.create(pod().label("team", "root").build()))
                .isInstanceOf(ApiException.Invalid.class)
                .hasMessageContaining("admission plugin \"no-root-team\": team root is reserved")
                .hasMessageContaining("metadata.labels[team]: Invalid value: \"root\": reserved");
        assertThat(f.store.revision()).isEqualTo(revision);
    }

    @Test
    void aDenialWithoutFieldErrorsIsForbiddenNamingThePlugin() {
        f.api.create(ConfigMap.named("c").label("protected", "yes").build());
        long revision = f.store.revision();
        assertThatThrownBy(() -> f.api.delete(ConfigMap.TYPE, "default", "c"))
                .isInstanceOf(ApiException.Forbidden.class)
                .hasMessage("configmaps \"c\" is forbidden: admission plugin \"protect\" denied the request: this"
                        + " object is protected");
        assertThat(f.store.revision()).isEqualTo(revision);
    }

    @Test
    void aPluginThatThrowsFailsTheWriteNamingIt() {
        try (ApiFixture broken = new ApiFixture(b -> b.validatingAdmission(ValidatingAdmission.of("buggy",
                request -> {
                    if (request.type() == ConfigMap.TYPE) {
                        throw new IllegalStateException("boom");
                    }
                    return AdmissionDecision.allow();
                })))) {
            assertThatThrownBy(() -> broken.api.create(ConfigMap.named("c").build()))
                    .isInstanceOf(ApiException.Forbidden.class)
                    .hasMessageContaining("admission plugin \"buggy\" failed: boom");
        }
    }

    @Test
    void aMutatingPluginMayNotRenameTheObject() {
        try (ApiFixture renaming = new ApiFixture(b -> b.mutatingAdmission(MutatingAdmission.of("rename",
                request -> request.object(ConfigMap.class)
                        .map(cm -> AdmissionDecision.allow(cm.withMetadata(cm.metadata().withName("other"))))
                        .orElse(AdmissionDecision.allow()))))) {
            assertThatThrownBy(() -> renaming.api.create(ConfigMap.named("c").build()))
                    .isInstanceOf(ApiException.Forbidden.class)
                    .hasMessageContaining("admission plugin \"rename\" changed the object's kind, namespace or name");
        }
    }
}

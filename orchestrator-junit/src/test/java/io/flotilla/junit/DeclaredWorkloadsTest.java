package io.flotilla.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.ResourceTypes;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.core.startup.StartupPlan;
import io.flotilla.junit.internal.DeclaredWorkloads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a test class's declarations become a start-up plan, and the errors a wrong declaration gets. */
class DeclaredWorkloadsTest {

    @Manifests("k8s/settings.yaml")
    static class Declared {
        @Workload
        static ConfigMap.Builder first = ConfigMap.named("first");

        @Workload(dependsOn = "ConfigMap/settings")
        static ConfigMap[] more() {
            return new ConfigMap[] {ConfigMap.named("second").build(), ConfigMap.named("third").build()};
        }

        @Workload
        static StartupPlan named(String namespace) {
            return StartupPlan.builder().resource(ConfigMap.named("a-" + namespace).build())
                    .resource(ConfigMap.named("b").build(), "ConfigMap/a-" + namespace).build();
        }
    }

    static class NotStatic {
        @Workload
        ConfigMap cm = ConfigMap.named("x").build();
    }

    static class WrongType {
        @Workload
        static List<String> names = List.of("web");
    }

    @Manifests("k8s/nowhere.yaml")
    static class MissingManifest {
    }

    private static StartupPlan plan(Class<?> type) {
        return DeclaredWorkloads.plan(type, ResourceTypes.builtIn(), t -> t == String.class ? "ns1" : null).build();
    }

    @Test
    void collectsManifestsFieldsMethodsAndPlansWithTheirDependencies() {
        StartupPlan plan = plan(Declared.class);

        assertThat(plan.resources()).extracting(r -> r.metadata().name())
                .containsExactly("settings", "first", "second", "third", "a-ns1", "b");
        assertThat(plan.dependencies("ConfigMap/third")).containsExactly("ConfigMap/settings");
        assertThat(plan.dependencies("ConfigMap/b")).containsExactly("ConfigMap/a-ns1");
    }

    @Test
    void wrongDeclarationsAreNamedInTheError() {
        assertThatThrownBy(() -> plan(NotStatic.class))
                .hasMessage("@Workload NotStatic.cm must be static: workloads are applied before the tests");
        assertThatThrownBy(() -> plan(WrongType.class)).hasMessageContaining("@Workload WrongType.names is a")
                .hasMessageContaining("expected a Resource, a builder of one");
        assertThatThrownBy(() -> plan(MissingManifest.class))
                .hasMessage("@Manifests(\"k8s/nowhere.yaml\") of MissingManifest: no such file or folder on the"
                        + " classpath");
    }
}

package io.flotilla.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Container;
import io.flotilla.api.core.EnvFromSource;
import io.flotilla.api.core.EnvVar;
import io.flotilla.api.core.EnvVarSource;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Secret;
import io.flotilla.api.core.ConfigMapEnvSource;
import io.flotilla.api.meta.Quantity;
import io.flotilla.core.Cluster;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Environment resolution: literals, ConfigMaps, Secrets, the downward API and $(VAR) expansion. */
class EnvResolverTest {
    private final Cluster cluster = Cluster.builder().id("env-test").start();
    private final EnvResolver env = new EnvResolver(new ObjectSource(cluster.client()));

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void resolvesEveryKindOfSourceInKubeletsOrder() throws ConfigError {
        cluster.apply(ConfigMap.named("cfg").data("MODE", "fast").data("level", "3"));
        cluster.apply(Secret.named("db").stringData("password", "s3cret"));
        Container c = Container.named("app").image("busybox:1")
                .envFrom(EnvFromSource.configMap("cfg").withPrefix("CFG_"))
                .env("GREETING", "hello $(CFG_MODE) $$(KEPT) $(UNKNOWN)")
                .envFromConfigMap("LEVEL", "cfg", "level")
                .envFromSecret("DB_PASSWORD", "db", "password")
                .envFromField("POD_NAME", "metadata.name")
                .envFromField("POD_IP", "status.podIP")
                .envFromField("NODE", "spec.nodeName")
                .env(EnvVar.from("TEAM", EnvVarSource.field("metadata.labels['team']")))
                .env(EnvVar.from("CPU_LIMIT", EnvVarSource.resource("limits.cpu")))
                .env(EnvVar.from("MEM_REQUEST", EnvVarSource.resource("requests.memory")))
                .resources(r -> r.cpu("250m").memory("64Mi").limitCpu("1500m"))
                .build();
        Pod pod = cluster.apply(Pod.named("web").label("team", "blue").nodeName("n1").container(c));

        Map<String, String> resolved = env.resolve(pod, pod.spec().containers().get(0), new FieldPaths(pod,
                "10.0.0.5", "127.0.0.1", Map.of("cpu", Quantity.of(4), "memory", Quantity.parse("8Gi"))));

        assertThat(resolved).containsEntry("CFG_MODE", "fast").containsEntry("CFG_level", "3")
                .containsEntry("GREETING", "hello fast $(KEPT) $(UNKNOWN)")
                .containsEntry("LEVEL", "3").containsEntry("DB_PASSWORD", "s3cret")
                .containsEntry("POD_NAME", "web").containsEntry("POD_IP", "10.0.0.5").containsEntry("NODE", "n1")
                .containsEntry("TEAM", "blue").containsEntry("CPU_LIMIT", "2")
                .containsEntry("MEM_REQUEST", Long.toString(64L << 20));
    }

    @Test
    void missingSourcesAreConfigErrorsThatNameNoValues() {
        cluster.apply(Secret.named("db").stringData("password", "s3cret"));
        Pod pod = cluster.apply(Pod.named("p").container("c", c -> c.image("busybox:1")
                .envFromSecret("X", "db", "token")));
        assertThatThrownBy(() -> env.resolve(pod, pod.spec().containers().get(0), fields(pod)))
                .isInstanceOf(ConfigError.class).hasMessage("couldn't find key token in Secret default/db")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));

        Pod optional = cluster.apply(Pod.named("q").container("c", c -> c.image("busybox:1")
                .envFrom(new EnvFromSource(null, new ConfigMapEnvSource("nowhere", true), null))));
        assertThatCode(() -> env.resolve(optional, optional.spec().containers().get(0), fields(optional)))
                .doesNotThrowAnyException();
        Pod required = cluster.apply(Pod.named("r").container("c", c -> c.image("busybox:1")
                .envFrom(EnvFromSource.configMap("nowhere"))));
        assertThatThrownBy(() -> env.resolve(required, required.spec().containers().get(0), fields(required)))
                .hasMessage("configmap \"nowhere\" not found");
    }

    private static FieldPaths fields(Pod pod) {
        return new FieldPaths(pod, null, null, Map.of());
    }
}

package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentStatus;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Container;
import io.flotilla.api.core.EnvVar;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApplyTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static Deployment.Builder web() {
        return Deployment.named("web").container("app", c -> c.image("app:1").env("A", "1").env("B", "2"));
    }

    private Deployment stored() {
        return f.api.get(Deployment.TYPE, "default", "web").orElseThrow();
    }

    @Test
    void createsWhenAbsentAndRecordsTheLastApplied() {
        Deployment d = f.api.apply(web().build(), "user");
        assertThat(d.metadata().uid()).isNotNull();
        assertThat(d.metadata().annotation(ApiServer.LAST_APPLIED_ANNOTATION)).hasValueSatisfying(json ->
                assertThat(json).contains("\"kind\":\"Deployment\"").doesNotContain("uid"));
        assertThat(d.spec().replicas()).isEqualTo(1);
    }

    @Test
    void applyingTheSameObjectAgainWritesNothing() {
        f.api.apply(web().build(), "user");
        long revision = f.store.revision();
        f.api.apply(web().build(), "user");
        assertThat(f.store.revision()).isEqualTo(revision);
    }

    @Test
    void keepsTheStatusAndReplicasAnAutoscalerSetWhenTheUserNeverSetThem() {
        f.api.apply(web().build(), "user");
        f.api.update(Deployment.TYPE, "default", "web", d -> d.withSpec(d.spec().withReplicas(7)));
        DeploymentStatus status = new DeploymentStatus(2L, 7, 7, 7, 7, 0, List.of(), null);
        f.api.updateStatus(stored().withStatus(status));

        Deployment after = f.api.apply(web().label("tier", "front").build(), "user");

        assertThat(after.spec().replicas()).isEqualTo(7);
        assertThat(after.status()).isEqualTo(status);
        assertThat(after.metadata().labels()).containsEntry("tier", "front");
    }

    @Test
    void userSetReplicasWinAndRemovedFieldsAreRemoved() {
        f.api.apply(web().replicas(3).label("tier", "front").build(), "user");
        f.api.update(Deployment.TYPE, "default", "web", d -> d.withSpec(d.spec().withReplicas(9)));

        Deployment again = f.api.apply(web().replicas(3).build(), "user");
        assertThat(again.spec().replicas()).isEqualTo(3);
        assertThat(again.metadata().labels()).doesNotContainKey("tier");

        Deployment dropped = f.api.apply(web().build(), "user");
        assertThat(dropped.spec().replicas()).isEqualTo(1); // removed, so defaulted again
    }

    @Test
    void labelsOthersAddedAreKept() {
        f.api.apply(web().label("tier", "front").build(), "user");
        f.api.update(Deployment.TYPE, "default", "web",
                d -> d.withMetadata(d.metadata().withLabel("team", "ops")));
        Deployment after = f.api.apply(web().label("tier", "back").build(), "user");
        assertThat(after.metadata().labels()).containsEntry("tier", "back").containsEntry("team", "ops");
    }

    @Test
    void containersAndEnvMergeByName() {
        f.api.apply(web().build(), "user");
        // another party adds a sidecar and an env var to the user's container
        f.api.update(Deployment.TYPE, "default", "web", d -> d.toBuilder()
                .container("sidecar", c -> c.image("proxy:1"))
                .container(d.spec().template().spec().containers().get(0).toBuilder().env("INJECTED", "yes").build())
                .build());

        Deployment after = f.api.apply(Deployment.named("web")
                .container("app", c -> c.image("app:2").env("A", "1")).build(), "user");

        List<Container> containers = after.spec().template().spec().containers();
        assertThat(containers).extracting(Container::name).containsExactly("app", "sidecar");
        Container app = containers.get(0);
        assertThat(app.image()).isEqualTo("app:2");
        assertThat(app.env()).extracting(EnvVar::name).containsExactly("A", "INJECTED");
    }

    @Test
    void aContainerTheUserRemovesIsRemoved() {
        f.api.apply(Deployment.named("web").container("app", c -> c.image("app:1"))
                .container("extra", c -> c.image("extra:1")).build(), "user");
        Deployment after = f.api.apply(Deployment.named("web").container("app", c -> c.image("app:1")).build(),
                "user");
        assertThat(after.spec().template().spec().containers()).extracting(Container::name).containsExactly("app");
    }

    @Test
    void plainListsAreReplacedWhole() {
        f.api.apply(Deployment.named("web").container("app", c -> c.image("app:1").args("a", "b")).build(), "u");
        Deployment after = f.api.apply(Deployment.named("web").container("app", c -> c.image("app:1").args("c"))
                .build(), "u");
        assertThat(after.spec().template().spec().containers().get(0).args()).containsExactly("c");
    }

    @Test
    void dataMapsMergeByKey() {
        f.api.apply(ConfigMap.named("c").data("a", "1").data("b", "2").build(), "u");
        f.api.update(ConfigMap.TYPE, "default", "c", cm -> ConfigMap.named("c").data(cm.data()).data("z", "9")
                .build().withMetadata(cm.metadata()));
        ConfigMap after = f.api.apply(ConfigMap.named("c").data("a", "10").build(), "u");
        assertThat(after.data()).containsEntry("a", "10").containsEntry("z", "9").doesNotContainKey("b");
    }
}

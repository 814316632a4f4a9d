package io.flotilla.api.apps;

import static io.flotilla.api.apps.Rollout.maxSurge;
import static io.flotilla.api.apps.Rollout.maxUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.Probe;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deployment: the builder matches the YAML a user would write, and validation follows Kubernetes. */
class DeploymentTest {
    private static final String WEB_YAML = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: httpd
                      image: nginx:1.27
                      ports:
                        - containerPort: 80
                      readinessProbe:
                        httpGet:
                          path: /
                          port: 80
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxUnavailable: 0
                  maxSurge: 1
            """;

    static List<String> errors(Deployment d) {
        ValidationErrors errors = new ValidationErrors();
        Deployment.TYPE.validator().validate(d, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    private static Deployment.Builder web() {
        return Deployment.named("web").container("httpd", c -> c.image("nginx:1.27"));
    }

    @Test
    void northStarBuilderEqualsYaml() {
        Deployment built = Deployment.named("web")
                .replicas(3)
                .container("httpd", c -> c.image("nginx:1.27").port(80).readiness(Probe.http("/", 80)))
                .rollingUpdate(maxSurge(1), maxUnavailable(0))
                .build();

        assertThat(built).isEqualTo(Manifests.strict().readOne(WEB_YAML, Deployment.class));
        assertThat(errors(built)).isEmpty();
    }

    @Test
    void defaultsTemplateLabelAndSelectorFromTheName() {
        Deployment d = web().build();

        assertThat(d.spec().template().metadata().labels()).containsExactly(Map.entry("app", "web"));
        assertThat(d.spec().selector()).isEqualTo(LabelSelector.matchLabel("app", "web"));
    }

    @Test
    void explicitPodLabelsAndSelectorReplaceTheDefaults() {
        Deployment d = web().podLabel("tier", "front").podLabel("app", "shop").selector("tier", "front").build();

        assertThat(d.spec().template().metadata().labels()).isEqualTo(Map.of("tier", "front", "app", "shop"));
        assertThat(d.spec().selector()).isEqualTo(LabelSelector.matchLabel("tier", "front"));
        assertThat(errors(d)).isEmpty();
    }

    @Test
    void toBuilderRoundTripsAndKeepsExistingSelector() {
        Deployment yaml = Manifests.strict().readOne(WEB_YAML, Deployment.class);

        assertThat(yaml.toBuilder().build()).isEqualTo(yaml);
        Deployment scaled = yaml.toBuilder().replicas(5).podAnnotation("a", "b").build();
        assertThat(scaled.spec().replicas()).isEqualTo(5);
        assertThat(scaled.spec().selector()).isEqualTo(yaml.spec().selector());
        assertThat(scaled.spec().template().metadata().annotations()).containsEntry("a", "b");
    }

    @Test
    void recreateAndPercentBounds() {
        assertThat(web().recreate().build().spec().strategy()).isEqualTo(DeploymentStrategy.recreate());
        DeploymentStrategy percent = web().rollingUpdate(maxSurge("25%"), maxUnavailable("25%")).build()
                .spec().strategy();
        assertThat(percent.rollingUpdate().maxSurge()).isEqualTo(IntOrString.of("25%"));
        assertThat(percent.rollingUpdate().maxUnavailable()).isEqualTo(IntOrString.percent(25));
    }

    @Test
    void selectorMustMatchTemplateLabels() {
        Deployment d = web().selector("app", "api").build();

        assertThat(errors(d)).containsExactly(
                "spec.template.metadata.labels: Invalid value: {app=web}: `selector` does not match template `labels`");
    }

    @Test
    void countsMustNotBeNegative() {
        Deployment d = web().replicas(-1).minReadySeconds(-1).revisionHistoryLimit(-2).build();

        assertThat(errors(d)).containsExactly(
                "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
                "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0");
    }

    @Test
    void rollingUpdateBoundsAreIntsOrPercentagesNotBothZero() {
        assertThat(errors(web().rollingUpdate(maxSurge("abc%"), maxUnavailable(-1)).build())).containsExactly(
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0",
                "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"abc%\": a valid percent string must be a "
                        + "numeric string followed by an ending '%' (e.g. '1%',  or '93%')");
        assertThat(errors(web().rollingUpdate(maxSurge(0), maxUnavailable("0%")).build())).containsExactly(
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0%: may not be 0 when `maxSurge` is 0");
        assertThat(errors(web().rollingUpdate(maxSurge("200%"), maxUnavailable("101%")).build())).containsExactly(
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"101%\": must not be greater than 100%");
        assertThat(errors(web().rollingUpdate(null, IntOrString.of(0)).build())).isEmpty();
    }

    @Test
    void strategyTypeAndRecreateRules() {
        assertThat(errors(web().strategy(new DeploymentStrategy("BlueGreen", null)).build())).containsExactly(
                "spec.strategy.type: Unsupported value: \"BlueGreen\": supported values: \"Recreate\", "
                        + "\"RollingUpdate\"");
        DeploymentStrategy recreateWithBounds = new DeploymentStrategy(DeploymentStrategy.RECREATE,
                RollingUpdateDeployment.of(maxSurge(1), maxUnavailable(0)));
        assertThat(errors(web().strategy(recreateWithBounds).build())).containsExactly(
                "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'");
    }

    @Test
    void progressDeadlineMustExceedMinReadySeconds() {
        assertThat(errors(web().minReadySeconds(30).progressDeadlineSeconds(30).build())).containsExactly(
                "spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds");
        assertThat(errors(web().progressDeadlineSeconds(0).build())).hasSize(1);
        assertThat(errors(web().minReadySeconds(30).progressDeadlineSeconds(31).build())).isEmpty();
    }

    @Test
    void templateMustRestartAlways() {
        assertThat(errors(web().restartPolicy(PodSpec.RESTART_NEVER).build())).containsExactly(
                "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"");
        assertThat(errors(web().restartPolicy(PodSpec.RESTART_ALWAYS).build())).isEmpty();
    }

    @Test
    void missingSpecPartsAreRequired() {
        assertThat(errors(new Deployment(null, null, null))).containsExactly(
                "metadata.name: Required value: name or generateName is required", "spec: Required value");
        assertThat(errors(new Deployment(null, new DeploymentSpec(null, null, null, null, null, null, null, null),
                null).withMetadata(io.flotilla.api.meta.ObjectMeta.named("web")))).containsExactly(
                "spec.selector: Required value", "spec.template: Required value");
        Deployment emptySelector = web().selector(LabelSelector.everything()).build();
        assertThat(errors(emptySelector)).containsExactly(
                "spec.selector: Invalid value: empty selector is invalid for deployment");
    }
}

package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.Quantity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fluent DSL: builder-made pods equal the YAML-loaded pods a user would write for the same thing, and the
 * builders invent nothing (no defaults are filled in; the {@code effectiveXxx()} helpers apply Kubernetes' defaults
 * on read instead).
 */
class PodBuilderTest {
    private static final Manifests CODEC = Manifests.strict();

    @Test
    void northStarPodEqualsItsManifest() {
        Pod built = Pod.named("web-0")
                .container("httpd", c -> c.image("nginx:1.27").port(80)
                        .readiness(Probe.http("/", 80))
                        .mount("site", "/usr/share/nginx/html")
                        .env("MODE", "prod").envFromSecret("DB_PASSWORD", "db", "password")
                        .resources(r -> r.cpu("250m").memory("64Mi")))
                .volume(Volume.configMap("site"))
                .nodeSelector("disk", "ssd")
                .build();

        Pod loaded = CODEC.readOne("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-0
                spec:
                  volumes:
                    - name: site
                      configMap:
                        name: site
                  containers:
                    - name: httpd
                      image: nginx:1.27
                      ports:
                        - containerPort: 80
                      env:
                        - name: MODE
                          value: prod
                        - name: DB_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: db
                              key: password
                      resources:
                        requests:
                          cpu: 250m
                          memory: 64Mi
                      volumeMounts:
                        - name: site
                          mountPath: /usr/share/nginx/html
                      readinessProbe:
                        httpGet:
                          path: /
                          port: 80
                  nodeSelector:
                    disk: ssd
                """, Pod.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(CODEC.readOne(CODEC.toYaml(built), Pod.class)).isEqualTo(built);
    }

    @Test
    void richPodEqualsItsManifest() {
        Pod built = Pod.named("worker")
                .namespace("jobs")
                .label("app", "worker")
                .initContainer("migrate", c -> c.image("flyway:10").args("migrate"))
                .container("main", c -> c.image("example/worker:1.0")
                        .command("/bin/worker").args("--queue", "high")
                        .port("metrics", 9090)
                        .envFromConfigMap("worker-settings")
                        .envFromField("NODE", "spec.nodeName")
                        .envFromConfigMap("LEVEL", "worker-settings", "level")
                        .resources(r -> r.cpu("500m").limitCpu("1").memory("256Mi").limitMemory("256Mi")
                                .limit("example.com/dongle", "1"))
                        .mountReadOnly("config", "/etc/worker")
                        .mount("scratch", "/tmp")
                        .liveness(Probe.tcp("metrics").periodSeconds(5).failureThreshold(2))
                        .startup(Probe.exec("cat", "/tmp/ready").periodSeconds(1).failureThreshold(60))
                        .preStop(LifecycleHandler.sleep(3))
                        .pullPolicy(Container.ALWAYS))
                .volume(Volume.configMap("config", "worker-config"))
                .volume(Volume.emptyDir("scratch"))
                .volume(Volume.persistentVolumeClaim("data", "worker-data"))
                .volume(Volume.secret("creds", "worker-creds"))
                .volume(Volume.hostPath("docker", "/var/run/docker.sock"))
                .restartPolicy(PodSpec.RESTART_ON_FAILURE)
                .terminationGracePeriodSeconds(60)
                .toleration(Toleration.exists("dedicated"))
                .toleration(Toleration.equal("gpu", "true", Toleration.NO_SCHEDULE))
                .affinity(Affinity.of(NodeAffinity.required(
                        NodeSelectorTerm.of(NodeSelectorRequirement.in("zone", "a", "b")))))
                .topologySpread(TopologySpreadConstraint.of(1, "zone", LabelSelector.matchLabel("app", "worker")))
                .priority(10)
                .build();

        Pod loaded = CODEC.readOne("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: worker
                  namespace: jobs
                  labels: {app: worker}
                spec:
                  volumes:
                    - {name: config, configMap: {name: worker-config}}
                    - {name: scratch, emptyDir: {}}
                    - {name: data, persistentVolumeClaim: {claimName: worker-data}}
                    - {name: creds, secret: {secretName: worker-creds}}
                    - {name: docker, hostPath: {path: /var/run/docker.sock}}
                  initContainers:
                    - name: migrate
                      image: flyway:10
                      args: [migrate]
                  containers:
                    - name: main
                      image: example/worker:1.0
                      command: [/bin/worker]
                      args: ["--queue", "high"]
                      ports:
                        - {name: metrics, containerPort: 9090}
                      envFrom:
                        - configMapRef: {name: worker-settings}
                      env:
                        - name: NODE
                          valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
                        - name: LEVEL
                          valueFrom: {configMapKeyRef: {name: worker-settings, key: level}}
                      resources:
                        limits: {cpu: "1", memory: 256Mi, example.com/dongle: "1"}
                        requests: {cpu: 500m, memory: 256Mi}
                      volumeMounts:
                        - {name: config, mountPath: /etc/worker, readOnly: true}
                        - {name: scratch, mountPath: /tmp}
                      livenessProbe:
                        tcpSocket: {port: metrics}
                        periodSeconds: 5
                        failureThreshold: 2
                      startupProbe:
                        exec: {command: [cat, /tmp/ready]}
                        periodSeconds: 1
                        failureThreshold: 60
                      lifecycle:
                        preStop: {sleep: {seconds: 3}}
                      imagePullPolicy: Always
                  restartPolicy: OnFailure
                  terminationGracePeriodSeconds: 60
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions:
                              - {key: zone, operator: In, values: [a, b]}
                  tolerations:
                    - {key: dedicated, operator: Exists}
                    - {key: gpu, operator: Equal, value: "true", effect: NoSchedule}
                  priority: 10
                  topologySpreadConstraints:
                    - maxSkew: 1
                      topologyKey: zone
                      whenUnsatisfiable: DoNotSchedule
                      labelSelector: {matchLabels: {app: worker}}
                """, Pod.class);

        assertThat(built).isEqualTo(loaded);
    }

    @Test
    void builderFillsInNoDefaults() {
        Pod pod = Pod.named("p").container("c", c -> c.image("busybox").port(80)).build();

        PodSpec spec = pod.spec();
        assertThat(spec.restartPolicy()).isNull();
        assertThat(spec.terminationGracePeriodSeconds()).isNull();
        assertThat(spec.dnsPolicy()).isNull();
        assertThat(spec.containers().get(0).ports().get(0).protocol()).isNull();
        assertThat(spec.containers().get(0).imagePullPolicy()).isNull();
        assertThat(spec.containers().get(0).resources()).isNull();
        assertThat(pod.status()).isNull();
        // Kubernetes' defaults apply on read:
        assertThat(spec.effectiveRestartPolicy()).isEqualTo(PodSpec.RESTART_ALWAYS);
        assertThat(spec.effectiveTerminationGracePeriodSeconds()).isEqualTo(30);
        assertThat(spec.containers().get(0).ports().get(0).effectiveProtocol()).isEqualTo(ContainerPort.TCP);
        assertThat(spec.containers().get(0).effectiveImagePullPolicy()).isEqualTo(Container.ALWAYS);
        assertThat(pod.phase()).isEqualTo(PodStatus.PENDING);
    }

    @Test
    void effectivePullPolicyFollowsTheTag() {
        assertThat(Container.named("a").image("nginx:1.27").build().effectiveImagePullPolicy())
                .isEqualTo(Container.IF_NOT_PRESENT);
        assertThat(Container.named("a").image("nginx:latest").build().effectiveImagePullPolicy())
                .isEqualTo(Container.ALWAYS);
        assertThat(Container.named("a").image("localhost:5000/nginx").build().effectiveImagePullPolicy())
                .isEqualTo(Container.ALWAYS);
        assertThat(Container.named("a").image("nginx:latest").pullPolicy(Container.NEVER).build()
                .effectiveImagePullPolicy()).isEqualTo(Container.NEVER);
    }

    @Test
    void toBuilderRoundTripsLoadedPodsIncludingStatus() {
        for (String file : List.of("pod-web.yaml", "pod-running.yaml")) {
            Pod pod = loadCorpus(file);
            assertThat(pod.toBuilder().build()).as(file).isEqualTo(pod);
            assertThat(pod.spec().toBuilder().build()).as(file).isEqualTo(pod.spec());
            pod.spec().containers().forEach(c -> assertThat(c.toBuilder().build()).isEqualTo(c));
        }
        assertThat(loadCorpus("pod-running.yaml").toBuilder().build().status()).isNotNull();
    }

    @Test
    void namedContainerMethodEditsTheExistingContainerInPlace() {
        Pod pod = Pod.named("p")
                .container("a", c -> c.image("one:1").env("X", "1"))
                .container("b", c -> c.image("two:1"))
                .build();

        Pod edited = pod.toBuilder().container("a", c -> c.image("one:2").env("X", "2").env("Y", "3")).build();

        assertThat(edited.spec().containers()).extracting(Container::name).containsExactly("a", "b");
        Container a = edited.spec().container("a").orElseThrow();
        assertThat(a.image()).isEqualTo("one:2");
        assertThat(a.env()).containsExactly(EnvVar.of("X", "2"), EnvVar.of("Y", "3"));
        assertThat(pod.spec().container("a").orElseThrow().image()).as("original unchanged").isEqualTo("one:1");
    }

    @Test
    void volumeWithTheSameNameReplacesTheEarlierOne() {
        PodSpec spec = PodSpec.builder()
                .volume(Volume.emptyDir("data"))
                .volume(Volume.persistentVolumeClaim("data", "claim"))
                .build();

        assertThat(spec.volumes()).hasSize(1);
        assertThat(spec.volume("data").orElseThrow().persistentVolumeClaim().claimName()).isEqualTo("claim");
    }

    @Test
    void resourcesShortNamesSetRequestsAndLimitNamesSetLimits() {
        Container c = Container.named("c").image("i")
                .resources(r -> r.cpu("250m").memory("64Mi").limitMemory("128Mi"))
                .resources(r -> r.limitCpu("1"))
                .build();

        assertThat(c.resources().requests()).containsOnlyKeys("cpu", "memory")
                .containsEntry("cpu", Quantity.parse("250m"));
        assertThat(c.resources().limits()).containsEntry("memory", Quantity.parse("128Mi"))
                .containsEntry("cpu", Quantity.parse("1"));
        assertThat(c.resources().effectiveRequest("memory")).isEqualTo(Quantity.parse("64Mi"));
    }

    @Test
    void probeCopyWithsLeaveTheOriginalUnchanged() {
        Probe base = Probe.http("/healthz", "http");
        Probe tuned = base.periodSeconds(5).failureThreshold(3).initialDelaySeconds(1).timeoutSeconds(2);

        assertThat(base.periodSeconds()).isNull();
        assertThat(base.effectivePeriodSeconds()).isEqualTo(10);
        assertThat(tuned.periodSeconds()).isEqualTo(5);
        assertThat(tuned.failureThreshold()).isEqualTo(3);
        assertThat(tuned.initialDelaySeconds()).isEqualTo(1);
        assertThat(tuned.timeoutSeconds()).isEqualTo(2);
        assertThat(tuned.httpGet().port()).isEqualTo(IntOrString.of("http"));
        assertThat(tuned.handlerCount()).isEqualTo(1);
    }

    @Test
    void lifecycleHooksAreSetIndependently() {
        Container c = Container.named("c").image("i")
                .postStart(LifecycleHandler.exec("touch", "/ready"))
                .preStop(LifecycleHandler.http("/drain", 8080))
                .build();

        assertThat(c.lifecycle().postStart().exec().command()).containsExactly("touch", "/ready");
        assertThat(c.lifecycle().preStop().httpGet().path()).isEqualTo("/drain");
    }

    @Test
    void readHelpersFindPortsVolumesAndStatuses() {
        Pod pod = loadCorpus("pod-running.yaml");

        assertThat(pod.isReady()).isFalse();
        assertThat(pod.isTerminal()).isFalse();
        assertThat(pod.nodeName()).isEqualTo("local");
        assertThat(pod.status().containerStatus("api").orElseThrow().isReady()).isTrue();
        assertThat(pod.status().containerStatus("sidecar").orElseThrow().lastState().isTerminated()).isTrue();
        assertThat(pod.status().condition(PodCondition.POD_SCHEDULED).orElseThrow().isTrue()).isTrue();

        Pod web = loadCorpus("pod-web.yaml");
        Container httpd = web.spec().container("httpd").orElseThrow();
        assertThat(httpd.port("metrics").orElseThrow().hostPort()).isEqualTo(9113);
        assertThat(httpd.port("nope")).isEmpty();
        assertThat(httpd.envVar("MODE").orElseThrow().value()).isEqualTo("prod");
        assertThat(httpd.mount("tls").orElseThrow().isReadOnly()).isTrue();
        assertThat(web.spec().container("fetch")).as("init containers are found too").isPresent();
    }

    @Test
    void statusCopyWithsReplaceConditionsByType() {
        PodStatus status = PodStatus.of(PodStatus.RUNNING)
                .withCondition(PodCondition.of(PodCondition.READY, PodCondition.FALSE, null))
                .withCondition(PodCondition.of(PodCondition.READY, PodCondition.TRUE, null));

        assertThat(status.conditions()).hasSize(1);
        assertThat(status.isReady()).isTrue();
        assertThat(status.withPhase(PodStatus.SUCCEEDED).isTerminal()).isTrue();
        Pod pod = Pod.named("p").container("c", c -> c.image("i")).build().withStatus(status);
        assertThat(pod.isReady()).isTrue();
    }

    @Test
    void tolerationsFollowKubernetesMatching() {
        assertThat(Toleration.exists("dedicated").tolerates("dedicated", "gpu", Toleration.NO_SCHEDULE)).isTrue();
        assertThat(Toleration.exists("dedicated").tolerates("other", "gpu", Toleration.NO_SCHEDULE)).isFalse();
        assertThat(new Toleration(null, Toleration.EXISTS, null, null, null)
                .tolerates("anything", null, Toleration.NO_EXECUTE)).as("match-all toleration").isTrue();
        Toleration gpu = Toleration.equal("gpu", "true", Toleration.NO_SCHEDULE);
        assertThat(gpu.tolerates("gpu", "true", Toleration.NO_SCHEDULE)).isTrue();
        assertThat(gpu.tolerates("gpu", "false", Toleration.NO_SCHEDULE)).isFalse();
        assertThat(gpu.tolerates("gpu", "true", Toleration.NO_EXECUTE)).as("effect must match").isFalse();
        assertThat(Toleration.equal("gpu", null, null).tolerates("gpu", "", Toleration.NO_EXECUTE))
                .as("absent value equals empty, absent effect matches all").isTrue();
        assertThat(new Toleration("gpu", null, "true", null, null).tolerates("gpu", "true", Toleration.NO_SCHEDULE))
                .as("operator defaults to Equal").isTrue();
    }

    @Test
    void nodeSelectorTermsMatchLabelsAndFields() {
        Map<String, String> labels = Map.of("zone", "a", "cpus", "8");
        assertThat(NodeSelectorRequirement.in("zone", "a", "b").matches(labels)).isTrue();
        assertThat(NodeSelectorRequirement.notIn("zone", "a").matches(labels)).isFalse();
        assertThat(NodeSelectorRequirement.doesNotExist("gpu").matches(labels)).isTrue();
        assertThat(new NodeSelectorRequirement("cpus", NodeSelectorRequirement.GT, List.of("4")).matches(labels))
                .isTrue();
        assertThat(new NodeSelectorRequirement("cpus", NodeSelectorRequirement.LT, List.of("4")).matches(labels))
                .isFalse();
        assertThat(new NodeSelectorRequirement("zone", NodeSelectorRequirement.GT, List.of("4")).matches(labels))
                .as("non-integer label").isFalse();
        NodeSelectorTerm byName = new NodeSelectorTerm(List.of(), List.of(NodeSelectorRequirement.in("metadata.name",
                "edge-1")));
        assertThat(NodeSelector.of(NodeSelectorTerm.of(NodeSelectorRequirement.in("zone", "b")), byName)
                .matches("edge-1", labels)).as("any term").isTrue();
        assertThat(new NodeSelectorTerm(List.of(), List.of()).matches("edge-1", labels)).as("empty term").isFalse();
    }

    private static Pod loadCorpus(String file) {
        try {
            var url = PodBuilderTest.class.getResource("/manifests/valid/" + file);
            return (Pod) CODEC.read(java.nio.file.Path.of(url.toURI())).get(0);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

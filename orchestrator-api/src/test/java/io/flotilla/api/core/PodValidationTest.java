package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Pod validation: Kubernetes' rules, field paths and wording, every problem reported at once. */
class PodValidationTest {

    private static Pod.Builder minimal() {
        return Pod.named("p").container("app", c -> c.image("busybox:1.36"));
    }

    private static List<String> errors(Pod pod) {
        ValidationErrors errors = new ValidationErrors();
        Pod.TYPE.validator().validate(pod, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    private static List<String> paths(Pod pod) {
        ValidationErrors errors = new ValidationErrors();
        Pod.TYPE.validator().validate(pod, errors);
        return errors.list().stream().map(e -> e.path().toString()).toList();
    }

    private static List<String> containerPaths(UnaryOperator<Container.Builder> edit) {
        return paths(Pod.named("p").volume(Volume.emptyDir("data"))
                .container("app", c -> edit.apply(c.image("busybox:1.36"))).build());
    }

    @Test
    void northStarPodIsValid() {
        Pod pod = Pod.named("web-0")
                .container("httpd", c -> c.image("nginx:1.27").port(80)
                        .readiness(Probe.http("/", 80))
                        .mount("site", "/usr/share/nginx/html")
                        .env("MODE", "prod").envFromSecret("DB_PASSWORD", "db", "password")
                        .resources(r -> r.cpu("250m").memory("64Mi")))
                .volume(Volume.configMap("site"))
                .nodeSelector("disk", "ssd")
                .build();

        assertThat(errors(pod)).isEmpty();
    }

    @Test
    void containersAreRequired() {
        assertThat(errors(Pod.named("p").build())).containsExactly("spec.containers: Required value");
        assertThat(errors(new Pod(null, null, null)))
                .containsExactly("metadata.name: Required value: name or generateName is required",
                        "spec: Required value");
    }

    @Test
    void portMessagesMatchKubernetes() {
        Pod pod = minimal().container("app", c -> c.port(70000).port("http", 80).port("http", 81)).build();

        assertThat(errors(pod)).containsExactly(
                "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, "
                        + "inclusive",
                "spec.containers[0].ports[2].name: Duplicate value: \"http\"");
    }

    @Test
    void portNamesProtocolsAndHostPortConflictsAreChecked() {
        Pod pod = Pod.named("p")
                .container("a", c -> c.image("i").port(ContainerPort.named("Web_Port", 80).withHostPort(8080)))
                .container("b", c -> c.image("i").port(ContainerPort.of(81).withHostPort(8080))
                        .port(ContainerPort.of(82).withProtocol("HTTP")))
                .build();

        assertThat(errors(pod)).containsExactly(
                "spec.containers[0].ports[0].name: Invalid value: \"Web_Port\": must be no more than 15 characters, "
                        + "contain only lower case alphanumeric characters or '-', contain at least one letter, and "
                        + "not start or end with or repeat '-'",
                "spec.containers[1].ports[1].protocol: Unsupported value: \"HTTP\": supported values: \"TCP\", "
                        + "\"UDP\", \"SCTP\"",
                "spec.containers[1].ports[0].hostPort: Duplicate value: \"8080/TCP\"");
    }

    @Test
    void hostNetworkHostPortsMustEqualContainerPorts() {
        Pod pod = Pod.named("p").hostNetwork(true)
                .container("a", c -> c.image("i").port(ContainerPort.of(80).withHostPort(80))
                        .port(ContainerPort.of(81).withHostPort(8081)))
                .build();

        assertThat(errors(pod)).containsExactly("spec.containers[0].ports[1].hostPort: Invalid value: 8081: must "
                + "match `containerPort` when `hostNetwork` is true");
    }

    @Test
    void containerNamesAreLabelsUniqueAcrossInitAndRegularContainers() {
        Pod pod = Pod.named("p")
                .initContainer("setup", c -> c.image("i"))
                .container("setup", c -> c.image("i"))
                .container("Bad_Name", c -> c.image("i"))
                .container(Container.named(null).image("i").build())
                .build();

        assertThat(paths(pod)).containsExactly("spec.containers[0].name", "spec.containers[1].name",
                "spec.containers[2].name");
        assertThat(errors(pod).get(0)).isEqualTo("spec.containers[0].name: Duplicate value: \"setup\"");
    }

    @Test
    void imageIsRequired() {
        assertThat(errors(Pod.named("p").container("app", c -> c.port(80)).build()))
                .containsExactly("spec.containers[0].image: Required value");
    }

    @Test
    void envNamesAndSourcesAreChecked() {
        assertThat(containerPaths(c -> c.env("1BAD", "x").env("ok.name-1", "x"))).containsExactly(
                "spec.containers[0].env[0].name");
        assertThat(containerPaths(c -> c.env(new EnvVar("BOTH", "x", EnvVarSource.field("metadata.name")))))
                .containsExactly("spec.containers[0].env[0].valueFrom");
        assertThat(containerPaths(c -> c.env(EnvVar.from("NONE", new EnvVarSource(null, null, null, null)))))
                .containsExactly("spec.containers[0].env[0].valueFrom");
        assertThat(containerPaths(c -> c.envFromField("X", "spec.containers")))
                .containsExactly("spec.containers[0].env[0].valueFrom.fieldRef.fieldPath");
        assertThat(containerPaths(c -> c.envFromField("X", "metadata.labels['app']"))).isEmpty();
        assertThat(containerPaths(c -> c.envFromSecret("X", "db", "bad key")))
                .containsExactly("spec.containers[0].env[0].valueFrom.secretKeyRef.key");
        assertThat(containerPaths(c -> c.env(EnvVar.from("M", EnvVarSource.resource("limits.gpu")))))
                .containsExactly("spec.containers[0].env[0].valueFrom.resourceFieldRef.resource");
        assertThat(containerPaths(c -> c.env(new EnvVar("EMPTY", null, null))))
                .as("Kubernetes allows a variable with neither value nor valueFrom: it is empty").isEmpty();
    }

    @Test
    void envFromNeedsExactlyOneSource() {
        assertThat(containerPaths(c -> c.envFrom(new EnvFromSource("P_", null, null))
                .envFrom(new EnvFromSource("1P", new ConfigMapEnvSource("a", null), new SecretEnvSource("b", null)))
                .envFrom(new EnvFromSource(null, new ConfigMapEnvSource(null, null), null))))
                .containsExactly("spec.containers[0].envFrom[0]", "spec.containers[0].envFrom[1].prefix",
                        "spec.containers[0].envFrom[1]", "spec.containers[0].envFrom[2].configMapRef.name");
    }

    @Test
    void mountsNameDeclaredVolumesAtUniqueAbsolutePaths() {
        List<String> errors = errors(Pod.named("p").volume(Volume.emptyDir("data"))
                .container("app", c -> c.image("i").mount("missing", "/a").mount("data", "rel")
                        .mount("data", "/a").mount(VolumeMount.of("data", "/b").withSubPath("../x")))
                .build());

        assertThat(errors).containsExactly(
                "spec.containers[0].volumeMounts[0].name: Not found: \"missing\"",
                "spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"rel\": must be an absolute path",
                "spec.containers[0].volumeMounts[2].mountPath: Invalid value: \"/a\": must be unique",
                "spec.containers[0].volumeMounts[3].subPath: Invalid value: \"../x\": must not contain '..'");
    }

    @Test
    void volumesNeedUniqueLabelNamesAndExactlyOneSource() {
        Pod pod = minimal()
                .podSpec(s -> s.volume(Volume.emptyDir("a")))
                .podSpec(s -> {
                    s.volume(new Volume("none", null, null, null, null, null, null));
                    s.volume(new Volume("two", null, EmptyDirVolumeSource.DEFAULT, null, null, null,
                            ConfigMapVolumeSource.of("c")));
                    return s.volume(Volume.emptyDir("Bad_Name"));
                })
                .build();

        assertThat(errors(pod)).containsExactly(
                "spec.volumes[1]: Required value: must specify a volume type",
                "spec.volumes[2].configMap: Forbidden: may not specify more than 1 volume type",
                "spec.volumes[3].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label must consist of lower "
                        + "case alphanumeric characters or '-', and must start and end with an alphanumeric "
                        + "character (e.g. 'my-name', or '123-abc')");
    }

    @Test
    void volumeSourcesAreChecked() {
        Pod pod = minimal()
                .volume(Volume.hostPath("h", new HostPathVolumeSource("relative", "Folder")))
                .volume(Volume.configMap("c", new ConfigMapVolumeSource("c", List.of(KeyToPath.of("k", "/abs")),
                        0777 + 1, null)))
                .volume(Volume.secret("s", new SecretVolumeSource(null, List.of(), null, null)))
                .volume(Volume.persistentVolumeClaim("p", null))
                .volume(Volume.emptyDir("e", new EmptyDirVolumeSource("Disk", null)))
                .volume(Volume.downwardAPI("d", new DownwardAPIVolumeSource(List.of(
                        DownwardAPIVolumeFile.field("ip", "status.podIP")), null)))
                .build();

        assertThat(paths(pod)).containsExactly("spec.volumes[0].hostPath.path", "spec.volumes[0].hostPath.type",
                "spec.volumes[1].configMap.defaultMode", "spec.volumes[1].configMap.items[0].path",
                "spec.volumes[2].secret.secretName", "spec.volumes[3].persistentVolumeClaim.claimName",
                "spec.volumes[4].emptyDir.medium", "spec.volumes[5].downwardAPI.items[0].fieldRef.fieldPath");
    }

    @Test
    void probesNeedOneHandlerAndSaneTimings() {
        assertThat(containerPaths(c -> c.readiness(new Probe(null, null, null, null, null, null, null, null, null))))
                .containsExactly("spec.containers[0].readinessProbe");
        assertThat(containerPaths(c -> c.liveness(Probe.tcp(0).successThreshold(2).periodSeconds(0))))
                .containsExactly("spec.containers[0].livenessProbe.tcpSocket.port",
                        "spec.containers[0].livenessProbe.periodSeconds",
                        "spec.containers[0].livenessProbe.successThreshold");
        assertThat(containerPaths(c -> c.readiness(Probe.tcp(80).successThreshold(3)))).as("readiness may need more")
                .isEmpty();
        assertThat(containerPaths(c -> c.startup(Probe.http("/", "http").timeoutSeconds(0).failureThreshold(0))))
                .containsExactly("spec.containers[0].startupProbe.timeoutSeconds",
                        "spec.containers[0].startupProbe.failureThreshold");
        assertThat(containerPaths(c -> c.readiness(Probe.exec(new String[0]).terminationGracePeriodSeconds(5))))
                .containsExactly("spec.containers[0].readinessProbe.exec.command",
                        "spec.containers[0].readinessProbe.terminationGracePeriodSeconds");
        Probe two = new Probe(ExecAction.of("true"), null, new TcpSocketAction(null, null), null, null, null, null,
                null, null);
        assertThat(errors(minimal().container("app", c -> c.liveness(two)).build())).containsExactly(
                "spec.containers[0].livenessProbe.tcpSocket.port: Required value",
                "spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type");
    }

    @Test
    void initContainersMayNotHaveProbes() {
        Pod pod = minimal().initContainer("init", c -> c.image("i").readiness(Probe.tcp(80))).build();

        assertThat(errors(pod)).containsExactly(
                "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers");
    }

    @Test
    void resourcesHaveKnownNamesNonNegativeQuantitiesAndRequestsWithinLimits() {
        assertThat(errors(minimal().container("app", c -> c.resources(r -> r.cpu("2").limitCpu("1")))
                .build())).containsExactly(
                "spec.containers[0].resources.requests[cpu]: Invalid value: \"2\": must be less than or equal to "
                        + "cpu limit of 1");
        assertThat(containerPaths(c -> c.resources(r -> r.request("gpu", "1").request("hugepages-2Mi", "4Mi")
                .request("example.com/gpu", "1").request("kubernetes.io/thing", "1").limitMemory("-1"))))
                .containsExactly("spec.containers[0].resources.limits[memory]",
                        "spec.containers[0].resources.requests[gpu]",
                        "spec.containers[0].resources.requests[kubernetes.io/thing]");
    }

    @Test
    void specScalarsAreChecked() {
        Pod pod = minimal()
                .restartPolicy("Sometimes")
                .terminationGracePeriodSeconds(-1)
                .podSpec(s -> s.activeDeadlineSeconds(0L).dnsPolicy("Google").nodeName("Node_1")
                        .imagePullSecret(null).readinessGate("bad gate"))
                .nodeSelector("disk", "not valid!")
                .hostname("Web_0")
                .subdomain("a.b")
                .securityContext(new PodSecurityContext(-1L, null, null, List.of(), null))
                .build();

        assertThat(paths(pod)).containsExactly("spec.restartPolicy", "spec.terminationGracePeriodSeconds",
                "spec.activeDeadlineSeconds", "spec.dnsPolicy", "spec.nodeSelector[disk]", "spec.nodeName",
                "spec.securityContext.runAsUser", "spec.imagePullSecrets[0].name", "spec.hostname", "spec.subdomain",
                "spec.readinessGates[0].conditionType");
        assertThat(errors(pod).get(0)).isEqualTo("spec.restartPolicy: Unsupported value: \"Sometimes\": supported "
                + "values: \"Always\", \"OnFailure\", \"Never\"");
    }

    @Test
    void tolerationsFollowKubernetesRules() {
        Pod pod = minimal()
                .toleration(new Toleration("k", Toleration.EXISTS, "v", null, null))
                .toleration(Toleration.equal("k", "v", Toleration.NO_SCHEDULE).withTolerationSeconds(60L))
                .toleration(new Toleration(null, Toleration.EQUAL, null, "Never", null))
                .toleration(new Toleration("k", "Like", null, null, null))
                .toleration(Toleration.exists(null).withTolerationSeconds(0L))
                .build();

        assertThat(errors(pod)).containsExactly(
                "spec.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
                "spec.tolerations[1].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when "
                        + "`tolerationSeconds` is set",
                "spec.tolerations[2].operator: Invalid value: \"Equal\": operator must be Exists when `key` is "
                        + "empty, which means \"match all values and all keys\"",
                "spec.tolerations[2].effect: Unsupported value: \"Never\": supported values: \"NoSchedule\", "
                        + "\"PreferNoSchedule\", \"NoExecute\"",
                "spec.tolerations[3].operator: Unsupported value: \"Like\": supported values: \"Equal\", \"Exists\"",
                "spec.tolerations[4].effect: Invalid value: effect must be 'NoExecute' when `tolerationSeconds` is "
                        + "set");
    }

    @Test
    void affinityOperatorsAndValueCountsAreChecked() {
        NodeSelectorTerm term = NodeSelectorTerm.of(
                new NodeSelectorRequirement("zone", NodeSelectorRequirement.IN, List.of()),
                new NodeSelectorRequirement("cpus", NodeSelectorRequirement.LT, List.of("1", "2")),
                new NodeSelectorRequirement("cpus", NodeSelectorRequirement.GT, List.of("x")),
                new NodeSelectorRequirement("gpu", NodeSelectorRequirement.DOES_NOT_EXIST, List.of("y")),
                NodeSelectorRequirement.exists("ssd"));
        Pod pod = minimal()
                .affinity(new Affinity(
                        new NodeAffinity(new NodeSelector(List.of()), List.of(new PreferredSchedulingTerm(101, term))),
                        new PodAffinity(List.of(new PodAffinityTerm(null, List.of(), "", null)), List.of()),
                        PodAntiAffinity.required(PodAffinityTerm.of(new LabelSelector(null, List.of(
                                new io.flotilla.api.meta.LabelSelectorRequirement("app", "Exists", List.of("x")))),
                                "kubernetes.io/hostname"))))
                .build();

        String pref = "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]";
        assertThat(paths(pod)).containsExactly(
                "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms",
                pref + ".weight",
                pref + ".preference.matchExpressions[0].values",
                pref + ".preference.matchExpressions[1].values",
                pref + ".preference.matchExpressions[2].values[0]",
                pref + ".preference.matchExpressions[3].values",
                "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey",
                "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector"
                        + ".matchExpressions[0].values");
    }

    @Test
    void topologySpreadConstraintsAreChecked() {
        LabelSelector app = LabelSelector.matchLabel("app", "web");
        Pod pod = minimal()
                .topologySpread(TopologySpreadConstraint.of(0, "zone", app))
                .topologySpread(new TopologySpreadConstraint(1, "zone", "Maybe", app, null))
                .topologySpread(new TopologySpreadConstraint(1, "", TopologySpreadConstraint.SCHEDULE_ANYWAY, app, 2))
                .topologySpread(TopologySpreadConstraint.of(2, "zone", app))
                .build();

        assertThat(errors(pod)).containsExactly(
                "spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
                "spec.topologySpreadConstraints[1].whenUnsatisfiable: Unsupported value: \"Maybe\": supported "
                        + "values: \"DoNotSchedule\", \"ScheduleAnyway\"",
                "spec.topologySpreadConstraints[2].topologyKey: Required value: can not be empty",
                "spec.topologySpreadConstraints[2].minDomains: Invalid value: 2: can only use minDomains if "
                        + "whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway",
                "spec.topologySpreadConstraints[3]: Duplicate value: \"{zone, DoNotSchedule}\"");
    }

    @Test
    void templateSpecsAreValidatedUnderTheirOwnPath() {
        PodSpec spec = PodSpec.builder().container("app", c -> c.port(0)).build();
        ValidationErrors errors = new ValidationErrors();

        PodSpecValidation.validate(spec, FieldPath.of("spec.template.spec"), errors);

        assertThat(errors.list()).extracting(e -> e.path().toString()).containsExactly(
                "spec.template.spec.containers[0].image", "spec.template.spec.containers[0].ports[0].containerPort");
    }

    @Test
    void mountsMayNameVolumesTheControllerAdds() {
        PodSpec spec = PodSpec.builder().container("db", c -> c.image("postgres:16").mount("data", "/var/lib/pg")
                .mount("other", "/other")).build();
        ValidationErrors errors = new ValidationErrors();

        PodSpecValidation.validate(spec, FieldPath.of("spec.template.spec"), java.util.Set.of("data"), errors);

        assertThat(errors.list()).extracting(FieldError::toString).containsExactly(
                "spec.template.spec.containers[0].volumeMounts[1].name: Not found: \"other\"");
    }

    @Test
    void recordsFullOfNullsAreReportedNotThrown() {
        Container empty = new Container(null, null, null, null, null, List.of(new ContainerPort(null, null, null,
                null, null)), List.of(), List.of(new EnvVar(null, null, null)), new ResourceRequirements(null, null),
                List.of(new VolumeMount(null, null, null, null)), null, null, null, new Lifecycle(null,
                new LifecycleHandler(null, null, null, new SleepAction(null))), null, null, null,
                SecurityContext.EMPTY, null, null);
        Pod pod = minimal().container(empty)
                .toleration(new Toleration(null, null, null, null, null))
                .topologySpread(new TopologySpreadConstraint(null, null, null, null, null))
                .affinity(new Affinity(new NodeAffinity(null, List.of(new PreferredSchedulingTerm(null, null))),
                        null, null))
                .build();

        assertThat(paths(pod)).contains("spec.containers[1].name", "spec.containers[1].image",
                "spec.containers[1].ports[0].containerPort", "spec.containers[1].env[0].name",
                "spec.containers[1].volumeMounts[0].name", "spec.containers[1].volumeMounts[0].mountPath",
                "spec.containers[1].lifecycle.preStop.sleep.seconds", "spec.tolerations[0].operator",
                "spec.topologySpreadConstraints[0].maxSkew");
    }
}

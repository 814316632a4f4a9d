package io.flotilla.core.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Kubernetes' defaults for the built-in kinds, on JSON trees: only unset fields are filled, so defaulting is
 * idempotent. The values are those of Kubernetes' {@code SetDefaults_*} functions for the fields Flotilla models:
 *
 * <ul>
 *   <li>Pod (and every pod template): {@code restartPolicy: Always}, {@code terminationGracePeriodSeconds: 30},
 *       {@code dnsPolicy: ClusterFirst}, {@code schedulerName: default-scheduler}, {@code priority: 0}; per
 *       container {@code imagePullPolicy} ({@code Always} for {@code :latest} or no tag, else
 *       {@code IfNotPresent}), {@code terminationMessagePath: /dev/termination-log},
 *       {@code terminationMessagePolicy: File}, port {@code protocol: TCP}, probe {@code timeoutSeconds: 1},
 *       {@code periodSeconds: 10}, {@code successThreshold: 1}, {@code failureThreshold: 3}.</li>
 *   <li>Deployment: {@code replicas: 1}, strategy {@code RollingUpdate} with 25%/25%,
 *       {@code revisionHistoryLimit: 10}, {@code progressDeadlineSeconds: 600}, {@code minReadySeconds: 0}.</li>
 *   <li>ReplicaSet: {@code replicas: 1}. StatefulSet: {@code replicas: 1}, {@code podManagementPolicy:
 *       OrderedReady}, {@code updateStrategy: RollingUpdate} with {@code partition: 0},
 *       {@code revisionHistoryLimit: 10}. DaemonSet: {@code updateStrategy: RollingUpdate} with
 *       {@code maxUnavailable: 1}, {@code maxSurge: 0}, {@code revisionHistoryLimit: 10}.</li>
 *   <li>Job: {@code parallelism: 1} and {@code completions: 1} when both are unset ({@code parallelism: 1} alone
 *       otherwise), {@code backoffLimit: 6}, {@code completionMode: NonIndexed}, {@code suspend: false}; the pod
 *       template gets the Pod defaults, so a Job that sets no {@code restartPolicy} is refused by validation
 *       ({@code Always} is not allowed), as in Kubernetes.
 *       CronJob: {@code concurrencyPolicy: Allow}, {@code successfulJobsHistoryLimit: 3},
 *       {@code failedJobsHistoryLimit: 1}, {@code suspend: false}, and the Job defaults in its job template.</li>
 *   <li>Service: {@code type: ClusterIP}, {@code sessionAffinity: None}, port {@code protocol: TCP},
 *       {@code targetPort} = {@code port}. Secret: {@code type: Opaque}, and {@code stringData} merged into
 *       {@code data} (base64-encoded, winning over the same key) and cleared, as the API server's conversion
 *       does. PersistentVolumeClaim:
 *       {@code volumeMode: Filesystem}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class BuiltInDefaults {
    private static final Map<String, Consumer<ObjectNode>> BY_KIND = Map.ofEntries(
            Map.entry("v1/Pod", tree -> podSpec(object(tree, "spec"))),
            Map.entry("apps/v1/Deployment", BuiltInDefaults::deployment),
            Map.entry("apps/v1/ReplicaSet", tree -> replicated(object(tree, "spec"))),
            Map.entry("apps/v1/StatefulSet", BuiltInDefaults::statefulSet),
            Map.entry("apps/v1/DaemonSet", BuiltInDefaults::daemonSet),
            Map.entry("batch/v1/Job", tree -> jobSpec(object(tree, "spec"))),
            Map.entry("batch/v1/CronJob", BuiltInDefaults::cronJob),
            Map.entry("v1/Service", BuiltInDefaults::service),
            Map.entry("v1/Secret", BuiltInDefaults::secret),
            Map.entry("v1/PersistentVolumeClaim", tree -> putIfAbsent(object(tree, "spec"), "volumeMode",
                    "Filesystem")));

    private BuiltInDefaults() {
    }

    /** Whether the kind with this apiVersion and kind has built-in defaults. */
    public static boolean has(String apiVersion, String kind) {
        return BY_KIND.containsKey(apiVersion + "/" + kind);
    }

    /**
     * Fills the defaults of the tree's kind (read from its {@code apiVersion} and {@code kind}) into the tree, in
     * place. Kinds without defaults are left alone.
     *
     * @param tree an object's tree, as {@code Manifests.tree(...)} writes it
     */
    public static void apply(ObjectNode tree) {
        String key = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
        Consumer<ObjectNode> defaults = BY_KIND.get(key);
        if (defaults != null) {
            defaults.accept(tree);
        }
    }

    private static void deployment(ObjectNode tree) {
        ObjectNode spec = replicated(object(tree, "spec"));
        ObjectNode strategy = object(spec, "strategy");
        putIfAbsent(strategy, "type", "RollingUpdate");
        if ("RollingUpdate".equals(strategy.path("type").asText())) {
            ObjectNode rolling = object(strategy, "rollingUpdate");
            putIfAbsent(rolling, "maxUnavailable", "25%");
            putIfAbsent(rolling, "maxSurge", "25%");
        }
        putIfAbsent(spec, "revisionHistoryLimit", 10);
        putIfAbsent(spec, "progressDeadlineSeconds", 600);
        putIfAbsent(spec, "minReadySeconds", 0);
    }

    private static void statefulSet(ObjectNode tree) {
        ObjectNode spec = replicated(object(tree, "spec"));
        putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
        ObjectNode strategy = object(spec, "updateStrategy");
        putIfAbsent(strategy, "type", "RollingUpdate");
        if ("RollingUpdate".equals(strategy.path("type").asText())) {
            putIfAbsent(object(strategy, "rollingUpdate"), "partition", 0);
        }
        putIfAbsent(spec, "revisionHistoryLimit", 10);
    }

    private static void daemonSet(ObjectNode tree) {
        ObjectNode spec = object(tree, "spec");
        template(spec);
        ObjectNode strategy = object(spec, "updateStrategy");
        putIfAbsent(strategy, "type", "RollingUpdate");
        if ("RollingUpdate".equals(strategy.path("type").asText())) {
            ObjectNode rolling = object(strategy, "rollingUpdate");
            putIfAbsent(rolling, "maxUnavailable", 1);
            putIfAbsent(rolling, "maxSurge", 0);
        }
        putIfAbsent(spec, "revisionHistoryLimit", 10);
    }

    private static ObjectNode replicated(ObjectNode spec) {
        putIfAbsent(spec, "replicas", 1);
        template(spec);
        return spec;
    }

    private static void jobSpec(ObjectNode spec) {
        if (!spec.hasNonNull("parallelism") && !spec.hasNonNull("completions")) {
            spec.put("completions", 1);
        }
        putIfAbsent(spec, "parallelism", 1);
        putIfAbsent(spec, "backoffLimit", 6);
        putIfAbsent(spec, "completionMode", "NonIndexed");
        putIfAbsent(spec, "suspend", false);
        template(spec);
    }

    private static void cronJob(ObjectNode tree) {
        ObjectNode spec = object(tree, "spec");
        putIfAbsent(spec, "concurrencyPolicy", "Allow");
        putIfAbsent(spec, "successfulJobsHistoryLimit", 3);
        putIfAbsent(spec, "failedJobsHistoryLimit", 1);
        putIfAbsent(spec, "suspend", false);
        jobSpec(object(object(spec, "jobTemplate"), "spec"));
    }

    private static void service(ObjectNode tree) {
        ObjectNode spec = object(tree, "spec");
        putIfAbsent(spec, "type", "ClusterIP");
        if (!"ExternalName".equals(spec.path("type").asText())) {
            putIfAbsent(spec, "sessionAffinity", "None");
        }
        for (JsonNode port : spec.path("ports")) {
            if (port instanceof ObjectNode p) {
                putIfAbsent(p, "protocol", "TCP");
                if (!p.hasNonNull("targetPort") && p.hasNonNull("port")) {
                    p.set("targetPort", p.get("port").deepCopy());
                }
            }
        }
    }

    private static void secret(ObjectNode tree) {
        putIfAbsent(tree, "type", "Opaque");
        if (tree.get("stringData") instanceof ObjectNode plain && !plain.isEmpty()) {
            ObjectNode data = object(tree, "data");
            plain.fields().forEachRemaining(e -> data.put(e.getKey(), Base64.getEncoder()
                    .encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        }
        tree.remove("stringData");
    }

    /** The pod template's spec, when the template is there. */
    private static void template(ObjectNode spec) {
        if (spec.path("template").path("spec") instanceof ObjectNode podSpec) {
            podSpec(podSpec);
        }
    }

    private static void podSpec(ObjectNode spec) {
        putIfAbsent(spec, "restartPolicy", "Always");
        putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
        putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        putIfAbsent(spec, "schedulerName", "default-scheduler");
        putIfAbsent(spec, "priority", 0);
        containers(spec.path("initContainers"));
        containers(spec.path("containers"));
    }

    private static void containers(JsonNode containers) {
        for (JsonNode node : containers) {
            if (node instanceof ObjectNode c) {
                if (c.path("image").isTextual()) {
                    putIfAbsent(c, "imagePullPolicy", pullPolicy(c.get("image").asText()));
                }
                putIfAbsent(c, "terminationMessagePath", "/dev/termination-log");
                putIfAbsent(c, "terminationMessagePolicy", "File");
                for (JsonNode port : c.path("ports")) {
                    if (port instanceof ObjectNode p) {
                        putIfAbsent(p, "protocol", "TCP");
                    }
                }
                for (String probe : new String[]{"livenessProbe", "readinessProbe", "startupProbe"}) {
                    if (c.path(probe) instanceof ObjectNode p) {
                        putIfAbsent(p, "timeoutSeconds", 1);
                        putIfAbsent(p, "periodSeconds", 10);
                        putIfAbsent(p, "successThreshold", 1);
                        putIfAbsent(p, "failureThreshold", 3);
                    }
                }
            }
        }
    }

    /**
     * Kubernetes' rule: {@code Always} when the tag is {@code latest} or absent (and there is no digest), else
     * {@code IfNotPresent}.
     */
    static String pullPolicy(String image) {
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return "Always";
        }
        return "latest".equals(image.substring(colon + 1)) ? "Always" : "IfNotPresent";
    }

    /** The object at {@code field}, created empty when absent. */
    private static ObjectNode object(ObjectNode parent, String field) {
        if (parent.get(field) instanceof ObjectNode child) {
            return child;
        }
        return parent.putObject(field);
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, int value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, boolean value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }
}

package io.flotilla.core.client;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.autoscaling.HorizontalPodAutoscaler;
import io.flotilla.api.batch.CronJob;
import io.flotilla.api.batch.Job;
import io.flotilla.api.coordination.Lease;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.PersistentVolume;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Secret;
import io.flotilla.api.core.Service;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.networking.Ingress;
import io.flotilla.api.storage.StorageClass;
import io.flotilla.core.apiserver.ApiServer;
import java.util.Objects;

/**
 * The entry point of the typed client, used by user code and controllers alike: one {@link ResourceClient} per
 * kind over an {@link ApiServer}.
 *
 * <pre>{@code
 * Client client = Client.over(api);
 * Pod web = client.pods().inNamespace("shop").get("web-0").orElseThrow();
 * client.deployments().inNamespace("shop").update("web", d -> d.withReplicas(5));
 * ResourceClient<Widget> widgets = client.resources(Widget.TYPE);      // a custom kind the API server serves
 * }</pre>
 *
 * <p>Immutable and thread-safe; clients are cheap to create. Arguments are never {@code null}.
 */
public final class Client {
    /** The field manager {@link ResourceClient#apply} records when none is given. */
    public static final String DEFAULT_FIELD_MANAGER = "flotilla";

    private final ApiServer api;
    private final String fieldManager;

    private Client(ApiServer api, String fieldManager) {
        this.api = Objects.requireNonNull(api, "api");
        this.fieldManager = Objects.requireNonNull(fieldManager, "fieldManager");
    }

    /** A client over {@code api} whose applies are recorded as {@value #DEFAULT_FIELD_MANAGER}'s. */
    public static Client over(ApiServer api) {
        return new Client(api, DEFAULT_FIELD_MANAGER);
    }

    /** A client over {@code api} whose applies are recorded as {@code fieldManager}'s (a component name). */
    public static Client over(ApiServer api, String fieldManager) {
        return new Client(api, fieldManager);
    }

    /** The API server this client talks to. */
    public ApiServer api() {
        return api;
    }

    /** The client of any kind the API server serves, built-in or custom. */
    public <T extends Resource> ResourceClient<T> resources(ResourceType<T> type) {
        return new ResourceClient<>(api, Objects.requireNonNull(type, "type"), null, fieldManager);
    }

    /** {@code core/v1} Pods. */
    public ResourceClient<Pod> pods() {
        return resources(Pod.TYPE);
    }

    /** {@code core/v1} Services. */
    public ResourceClient<Service> services() {
        return resources(Service.TYPE);
    }

    /** {@code core/v1} Endpoints. */
    public ResourceClient<Endpoints> endpoints() {
        return resources(Endpoints.TYPE);
    }

    /** {@code core/v1} ConfigMaps. */
    public ResourceClient<ConfigMap> configMaps() {
        return resources(ConfigMap.TYPE);
    }

    /** {@code core/v1} Secrets. */
    public ResourceClient<Secret> secrets() {
        return resources(Secret.TYPE);
    }

    /** {@code core/v1} Namespaces (cluster-scoped). */
    public ResourceClient<Namespace> namespaces() {
        return resources(Namespace.TYPE);
    }

    /** {@code core/v1} Nodes (cluster-scoped). */
    public ResourceClient<Node> nodes() {
        return resources(Node.TYPE);
    }

    /** {@code core/v1} PersistentVolumes (cluster-scoped). */
    public ResourceClient<PersistentVolume> persistentVolumes() {
        return resources(PersistentVolume.TYPE);
    }

    /** {@code core/v1} PersistentVolumeClaims. */
    public ResourceClient<PersistentVolumeClaim> persistentVolumeClaims() {
        return resources(PersistentVolumeClaim.TYPE);
    }

    /** {@code core/v1} Events. */
    public ResourceClient<Event> events() {
        return resources(Event.TYPE);
    }

    /** {@code apps/v1} Deployments. */
    public ResourceClient<Deployment> deployments() {
        return resources(Deployment.TYPE);
    }

    /** {@code apps/v1} ReplicaSets. */
    public ResourceClient<ReplicaSet> replicaSets() {
        return resources(ReplicaSet.TYPE);
    }

    /** {@code apps/v1} StatefulSets. */
    public ResourceClient<StatefulSet> statefulSets() {
        return resources(StatefulSet.TYPE);
    }

    /** {@code apps/v1} DaemonSets. */
    public ResourceClient<DaemonSet> daemonSets() {
        return resources(DaemonSet.TYPE);
    }

    /** {@code batch/v1} Jobs. */
    public ResourceClient<Job> jobs() {
        return resources(Job.TYPE);
    }

    /** {@code batch/v1} CronJobs. */
    public ResourceClient<CronJob> cronJobs() {
        return resources(CronJob.TYPE);
    }

    /** {@code autoscaling/v2} HorizontalPodAutoscalers. */
    public ResourceClient<HorizontalPodAutoscaler> horizontalPodAutoscalers() {
        return resources(HorizontalPodAutoscaler.TYPE);
    }

    /** {@code networking.k8s.io/v1} Ingresses. */
    public ResourceClient<Ingress> ingresses() {
        return resources(Ingress.TYPE);
    }

    /** {@code storage.k8s.io/v1} StorageClasses (cluster-scoped). */
    public ResourceClient<StorageClass> storageClasses() {
        return resources(StorageClass.TYPE);
    }

    /** {@code coordination.k8s.io/v1} Leases. */
    public ResourceClient<Lease> leases() {
        return resources(Lease.TYPE);
    }
}

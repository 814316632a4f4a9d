package io.flotilla.benchmarks.store;

import io.flotilla.api.core.ContainerState;
import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodIP;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Volume;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Realistic pods: a Deployment replica as a control plane holds it, with a scheduled, running status. The template
 * parts (image, env, probes) are shared between pods, as they are when one builder or one decoded template makes
 * them; the per-pod parts (name, uid, IPs, timestamps) are distinct objects.
 */
final class Pods {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final OwnerReference OWNER = new OwnerReference("apps/v1", "ReplicaSet", "web-7d9f8b6c5",
            "3f1c2a8e-0c1d-4b7a-9a53-1f2e3d4c5b6a", true, true);

    private Pods() {
    }

    /** Pod number {@code i} of the {@code web} deployment, in namespace {@code default}, on one of 100 nodes. */
    static Pod pod(int i) {
        String name = "web-7d9f8b6c5-" + Integer.toString(1_000_000 + i, 36);
        String ip = "10.244." + (i >> 8 & 255) + "." + (i & 255);
        Pod pod = Pod.named(name).namespace("default")
                .label("app", "web").label("pod-template-hash", "7d9f8b6c5")
                .ownerReference(OWNER)
                .container("httpd", c -> c.image("nginx:1.27").port(80)
                        .env("MODE", "production").env("CACHE_SIZE", "64m")
                        .resources(r -> r.cpu("250m").memory("64Mi"))
                        .readiness(Probe.http("/", 80))
                        .mount("site", "/usr/share/nginx/html"))
                .volume(Volume.configMap("site", "site"))
                .nodeName("node-" + (i % 100))
                .build();
        Instant created = START.plusMillis(i);
        ObjectMeta meta = pod.metadata().toBuilder().uid(UUID.nameUUIDFromBytes(name.getBytes()).toString())
                .creationTimestamp(created).generation(1L).build();
        ContainerStatus httpd = new ContainerStatus("httpd", ContainerState.running(created.plusSeconds(2)), null,
                true, 0, "docker.io/library/nginx:1.27", "sha256:" + Long.toHexString(7_000_000L * i),
                "containerd://" + UUID.randomUUID(), true);
        PodStatus status = new PodStatus(PodStatus.RUNNING, List.of(
                PodCondition.of(PodCondition.POD_SCHEDULED, PodCondition.TRUE, created),
                PodCondition.of(PodCondition.READY, PodCondition.TRUE, created.plusSeconds(3))),
                null, null, "192.168.1." + (i % 100), ip, List.of(new PodIP(ip)), created.plusSeconds(1),
                List.of(), List.of(httpd), PodStatus.QOS_BURSTABLE);
        return pod.withMetadata(meta).withStatus(status);
    }
}

package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.batch.CronJob;
import io.flotilla.api.batch.Job;
import io.flotilla.api.core.Container;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Secret;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.ServicePort;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.IntOrString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DefaultingTest {
    private final ApiFixture f = new ApiFixture(b -> b.defaulter(io.flotilla.api.core.ConfigMap.TYPE,
            cm -> cm.metadata().label("owner").isPresent() ? cm
                    : cm.withMetadata(cm.metadata().withLabel("owner", "nobody"))));

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void podDefaults() {
        Pod pod = f.api.create(Pod.named("p")
                .container("latest", c -> c.image("nginx").port(80).readiness(Probe.http("/", 80)))
                .container("tagged", c -> c.image("registry:5000/nginx:1.27"))
                .initContainer("init", c -> c.image("busybox:latest"))
                .build());
        PodSpec spec = pod.spec();
        assertThat(spec.restartPolicy()).isEqualTo("Always");
        assertThat(spec.terminationGracePeriodSeconds()).isEqualTo(30L);
        assertThat(spec.dnsPolicy()).isEqualTo("ClusterFirst");
        assertThat(spec.schedulerName()).isEqualTo("default-scheduler");
        assertThat(spec.priority()).isZero();
        Container latest = spec.containers().get(0);
        assertThat(latest.imagePullPolicy()).isEqualTo("Always");
        assertThat(latest.terminationMessagePath()).isEqualTo("/dev/termination-log");
        assertThat(latest.terminationMessagePolicy()).isEqualTo("File");
        assertThat(latest.ports().get(0).protocol()).isEqualTo("TCP");
        Probe probe = latest.readinessProbe();
        assertThat(probe.timeoutSeconds()).isEqualTo(1);
        assertThat(probe.periodSeconds()).isEqualTo(10);
        assertThat(probe.successThreshold()).isEqualTo(1);
        assertThat(probe.failureThreshold()).isEqualTo(3);
        assertThat(spec.containers().get(1).imagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(spec.initContainers().get(0).imagePullPolicy()).isEqualTo("Always");
    }

    @Test
    void userValuesAreKept() {
        Pod pod = f.api.create(Pod.named("p").restartPolicy("Never").terminationGracePeriodSeconds(5)
                .container("c", c -> c.image("nginx").pullPolicy("Never")).build());
        assertThat(pod.spec().restartPolicy()).isEqualTo("Never");
        assertThat(pod.spec().terminationGracePeriodSeconds()).isEqualTo(5L);
        assertThat(pod.spec().containers().get(0).imagePullPolicy()).isEqualTo("Never");
    }

    @Test
    void deploymentDefaultsIncludingItsPodTemplate() {
        Deployment d = f.api.create(Deployment.named("web").container("c", c -> c.image("nginx:1.27")).build());
        var yaml = Manifests.strict().toYaml(d);
        assertThat(d.spec().replicas()).isEqualTo(1);
        assertThat(d.spec().revisionHistoryLimit()).isEqualTo(10);
        assertThat(d.spec().progressDeadlineSeconds()).isEqualTo(600);
        assertThat(d.spec().minReadySeconds()).isZero();
        assertThat(d.spec().strategy().type()).isEqualTo("RollingUpdate");
        assertThat(d.spec().strategy().rollingUpdate().maxSurge()).isEqualTo(IntOrString.of("25%"));
        assertThat(d.spec().strategy().rollingUpdate().maxUnavailable()).isEqualTo(IntOrString.of("25%"));
        assertThat(d.spec().template().spec().restartPolicy()).as(yaml).isEqualTo("Always");
        assertThat(d.spec().template().spec().containers().get(0).imagePullPolicy()).isEqualTo("IfNotPresent");
    }

    @Test
    void workloadDefaults() {
        assertThat(f.api.create(ReplicaSet.named("rs").container("c", c -> c.image("x:1")).build()).spec()
                .replicas()).isEqualTo(1);
        StatefulSet sts = f.api.create(StatefulSet.named("db").serviceName("db")
                .container("c", c -> c.image("x:1")).build());
        assertThat(sts.spec().replicas()).isEqualTo(1);
        assertThat(sts.spec().podManagementPolicy()).isEqualTo("OrderedReady");
        assertThat(sts.spec().updateStrategy().type()).isEqualTo("RollingUpdate");
        assertThat(sts.spec().updateStrategy().rollingUpdate().partition()).isZero();
        assertThat(sts.spec().revisionHistoryLimit()).isEqualTo(10);
        DaemonSet ds = f.api.create(DaemonSet.named("agent").container("c", c -> c.image("x:1")).build());
        assertThat(ds.spec().updateStrategy().type()).isEqualTo("RollingUpdate");
        assertThat(ds.spec().updateStrategy().rollingUpdate().maxUnavailable()).isEqualTo(IntOrString.of(1));
        assertThat(ds.spec().updateStrategy().rollingUpdate().maxSurge()).isEqualTo(IntOrString.of(0));
    }

    @Test
    void jobDefaultsAndGeneratedSelector() {
        Job job = f.api.create(Job.named("once").restartPolicy("Never").container("c", c -> c.image("x:1")).build());
        assertThat(job.spec().parallelism()).isEqualTo(1);
        assertThat(job.spec().completions()).isEqualTo(1);
        assertThat(job.spec().backoffLimit()).isEqualTo(6);
        assertThat(job.spec().completionMode()).isEqualTo("NonIndexed");
        assertThat(job.spec().suspend()).isFalse();
        assertThat(job.spec().selector().matchLabels())
                .containsEntry("batch.kubernetes.io/controller-uid", job.metadata().uid());
        assertThat(job.spec().template().metadata().labels())
                .containsEntry("batch.kubernetes.io/job-name", "once")
                .containsEntry("batch.kubernetes.io/controller-uid", job.metadata().uid());

        Job parallel = f.api.create(Job.named("par").parallelism(3).restartPolicy("Never")
                .container("c", c -> c.image("x:1")).build());
        assertThat(parallel.spec().completions()).isNull();
    }

    @Test
    void cronJobDefaults() {
        CronJob cj = f.api.create(CronJob.named("nightly").schedule("0 3 * * *")
                .job(j -> j.restartPolicy("OnFailure").container("c", c -> c.image("x:1"))).build());
        assertThat(cj.spec().concurrencyPolicy()).isEqualTo("Allow");
        assertThat(cj.spec().successfulJobsHistoryLimit()).isEqualTo(3);
        assertThat(cj.spec().failedJobsHistoryLimit()).isEqualTo(1);
        assertThat(cj.spec().suspend()).isFalse();
        assertThat(cj.spec().jobTemplate().spec().backoffLimit()).isEqualTo(6);
        assertThat(cj.spec().jobTemplate().spec().template().spec().dnsPolicy()).isEqualTo("ClusterFirst");
    }

    @Test
    void serviceAndSecretDefaults() {
        Service svc = f.api.create(Service.named("web").selector("app", "web").port(ServicePort.of(80)).build());
        assertThat(svc.spec().type()).isEqualTo("ClusterIP");
        assertThat(svc.spec().sessionAffinity()).isEqualTo("None");
        assertThat(svc.spec().ports().get(0).protocol()).isEqualTo("TCP");
        assertThat(svc.spec().ports().get(0).targetPort()).isEqualTo(IntOrString.of(80));
        Secret secret = f.api.create(Secret.named("s").stringData("password", "s3cr3t").build());
        assertThat(secret.secretType()).isEqualTo("Opaque");
        assertThat(secret.stringData()).isEmpty();
        assertThat(secret.data()).containsEntry("password", "czNjcjN0");
    }

    @Test
    void userDefaultersRunAfterTheBuiltInOnes() {
        assertThat(f.api.create(io.flotilla.api.core.ConfigMap.named("c").build()).metadata().labels())
                .containsEntry("owner", "nobody");
    }
}

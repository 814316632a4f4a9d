package io.flotilla.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a Flotilla cluster:
 *
 * <pre>{@code
 * @FlotillaTest                                    // real containers on the local Docker engine
 * class ShopTest {
 *     @Workload
 *     static Job migrate = Job.named("migrate").container("migrate", c -> c.image("busybox:1")...).build();
 *
 *     @Workload(dependsOn = "Job/migrate")
 *     static Deployment.Builder api = Deployment.named("api").replicas(2)...;
 *
 *     @Test
 *     void serves(Cluster cluster, TestNamespace ns) {
 *         assertThat(cluster).deployment("api").eventually(Duration.ofSeconds(20)).hasAvailableReplicas(2);
 *     }
 * }
 * }</pre>
 *
 * <p>Before the class's tests the extension ({@link FlotillaExtension}) starts a cluster (or joins the shared one,
 * see {@link #scope()}), creates a namespace of the class's own ({@code t-<class>-<random>}), applies the class's
 * {@link Workload} members and {@link Manifests} with a {@link io.flotilla.core.startup.StartupPlan} and waits until
 * they are Ready. It injects {@link io.flotilla.core.Cluster}, {@link TestNamespace},
 * {@link io.flotilla.core.startup.StartupReport} and {@link Faults} into fields and parameters of those types. When
 * a test fails it prints the pods, recent events and failing containers' logs, and writes a full dump to
 * {@code target/flotilla-reports/<class>/<test>.txt}. After the class the namespace is deleted and a per-class
 * cluster closed, whether tests failed or not; clusters that a killed JVM left behind are removed by the next run.
 *
 * <p>A {@code @Nested} test class shares its enclosing class's cluster and namespace (its own {@link Workload}
 * members are applied into it too).
 *
 * <p>On {@link TestRuntime#SIMULATED} with {@link ClusterScope#PER_CLASS}, a static field or static no-argument
 * method of type {@link io.flotilla.core.sim.Scenario} in the test class sets how the simulated containers behave
 * (which exit, crash, print or serve).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FlotillaExtension.class)
public @interface FlotillaTest {

    /** Where containers run; default the local Docker engine. */
    TestRuntime runtime() default TestRuntime.DOCKER;

    /** Whether the class gets a cluster of its own (default) or shares one with every class of the same setup. */
    ClusterScope scope() default ClusterScope.PER_CLASS;

    /** How many nodes the cluster has; default 1. */
    int nodes() default 1;

    /** How long the class's workloads may take to become Ready, in seconds; default 120. */
    long startupTimeoutSeconds() default 120;

    /** How many container restarts the start-up tolerates before it fails (default 0: the first crash fails). */
    int toleratedRestarts() default 0;
}

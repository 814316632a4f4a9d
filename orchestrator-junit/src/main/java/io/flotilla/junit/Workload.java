package io.flotilla.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static field or static method of a {@link FlotillaTest} class whose value is applied into the class's
 * namespace before its tests: a {@link io.flotilla.api.meta.Resource}, a builder of one
 * ({@link io.flotilla.api.meta.Buildable}), an array or {@link Iterable} of those, or a whole
 * {@link io.flotilla.core.startup.StartupPlan} (whose dependencies are kept). Objects without a namespace get the
 * class's. A method may take the namespace's name ({@code String}), the {@link TestNamespace} or the
 * {@link io.flotilla.core.Cluster}, for topologies built for a given namespace.
 *
 * <pre>{@code
 * @Workload(dependsOn = "Job/migrate")
 * static Deployment api() { return Deployment.named("api")...build(); }
 *
 * @Workload
 * static StartupPlan shop(String namespace) { return ThreeTierShop.plan(namespace, Duration.ofMinutes(2)); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Workload {

    /**
     * Objects (of this class's workloads or manifests) that must be Ready, or Completed for Jobs, before these are
     * applied, written {@code Kind/name}, such as {@code "Job/migrate"}.
     */
    String[] dependsOn() default {};
}

package io.flotilla.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Plain Kubernetes YAML (or JSON) applied into the namespace of a {@link FlotillaTest} class before its tests: each
 * value is a classpath resource, a manifest file or a folder whose {@code .yaml}, {@code .yml} and {@code .json}
 * files are read in name order. {@link Workload#dependsOn} may name their objects.
 *
 * <pre>{@code
 * @FlotillaTest
 * @Manifests("k8s/redis")          // src/test/resources/k8s/redis/*.yaml
 * class RedisTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Manifests {

    /** Classpath locations of manifest files or folders. */
    String[] value();
}

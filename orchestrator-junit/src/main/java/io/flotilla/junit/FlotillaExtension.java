package io.flotilla.junit;

import io.flotilla.core.Cluster;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.startup.StartupFailedException;
import io.flotilla.core.startup.StartupReport;
import io.flotilla.junit.internal.DeclaredWorkloads;
import io.flotilla.junit.internal.FailureDiagnostics;
import io.flotilla.junit.internal.ManagedCluster;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JUnit 5 extension behind {@link FlotillaTest}; see there for what it does. Registered by the annotation; may
 * also be registered with {@code @ExtendWith} (then with {@link FlotillaTest}'s defaults).
 *
 * <p>State lives in JUnit's extension stores: a per-class cluster in the class's store, a shared cluster in the
 * root store (closed when the whole run ends), so cleanup happens however the class ends. Thread-safe: classes may
 * run in parallel.
 */
public final class FlotillaExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(FlotillaExtension.class);
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(FlotillaExtension.class);
    private static final String STATE = "state";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Holds the defaults of {@link FlotillaTest} for classes registering the extension without it. */
    @FlotillaTest
    private static final class Defaults {
    }

    /** Creates the extension; JUnit does this. */
    public FlotillaExtension() {
    }

    /** The per-class state: the cluster, the class's namespace and what start-up reported. Closed by JUnit. */
    private static final class ClassState implements ExtensionContext.Store.CloseableResource {
        final TestNamespace namespace;
        final boolean deleteNamespace;
        volatile StartupReport report;

        ClassState(TestNamespace namespace, boolean deleteNamespace, StartupReport report) {
            this.namespace = namespace;
            this.deleteNamespace = deleteNamespace;
            this.report = report;
        }

        @Override
        public void close() {
            if (!deleteNamespace) {
                return;   // closed with the class's own cluster, or the outer class's (@Nested)
            }
            try {
                namespace.cluster().client().namespaces().delete(namespace.name());
            } catch (RuntimeException e) {
                LOG.warn("could not delete test namespace {}", namespace.name(), e);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        FlotillaTest config = AnnotationSupport.findAnnotation(testClass, FlotillaTest.class)
                .orElseGet(() -> Defaults.class.getAnnotation(FlotillaTest.class));
        ClassState outer = context.getParent().map(p -> p.getStore(STORE).get(STATE, ClassState.class)).orElse(null);
        boolean nested = outer != null && testClass.getEnclosingClass() != null
                && !Modifier.isStatic(testClass.getModifiers());
        Cluster cluster = nested ? outer.namespace.cluster() : cluster(context, config);
        TestNamespace namespace = nested ? outer.namespace : new TestNamespace(cluster, namespaceName(testClass));
        ClassState state = new ClassState(namespace, !nested && config.scope() == ClusterScope.SHARED,
                nested ? outer.report : null);
        context.getStore(STORE).put(STATE, state);
        CurrentNamespace.set(namespace);
        try {
            StartupReport own = DeclaredWorkloads.plan(testClass, cluster.client().api().types(),
                            type -> type == String.class ? namespace.name() : value(type, state))
                    .timeout(Duration.ofSeconds(config.startupTimeoutSeconds()))
                    .toleratedRestarts(config.toleratedRestarts())
                    .build().run(cluster, namespace.name());
            if (!nested) {
                state.report = own;
            }
        } catch (StartupFailedException e) {
            FailureDiagnostics.report(cluster, namespace.name(), reportsDir(context), testClass.getName(), "startup",
                    e, System.err);
            throw e;
        }
        inject(testClass, null, state);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassState state = state(context);
        CurrentNamespace.set(state.namespace);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(instance.getClass(), instance, state);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CurrentNamespace.clear();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return injectable(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Object value = value(parameter.getParameter().getType(), state(context));
        if (value == null) {
            throw new ParameterResolutionException("no " + parameter.getParameter().getType().getSimpleName()
                    + " for " + parameter.getDeclaringExecutable() + ": the Flotilla cluster did not start");
        }
        return value;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        ClassState state = context.getStore(STORE).get(STATE, ClassState.class);
        if (state == null) {
            return;
        }
        FailureDiagnostics.report(state.namespace.cluster(), state.namespace.name(), reportsDir(context),
                context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName(), cause,
                System.err);
    }

    private static Cluster cluster(ExtensionContext context, FlotillaTest config) {
        if (config.scope() == ClusterScope.SHARED) {
            String key = "shared-cluster:" + config.runtime() + ":" + config.nodes();
            return context.getRoot().getStore(STORE).getOrComputeIfAbsent(key,
                    k -> ManagedCluster.start(config.runtime(), config.nodes(), Scenario.create()),
                    ManagedCluster.class).cluster();
        }
        Scenario scenario = DeclaredWorkloads.scenario(context.getRequiredTestClass()).orElseGet(Scenario::create);
        return context.getStore(STORE).getOrComputeIfAbsent("cluster",
                k -> ManagedCluster.start(config.runtime(), config.nodes(), scenario), ManagedCluster.class).cluster();
    }

    /** {@code t-<class>-<5 random>}: readable in {@code kubectl}-style output, unique per run. */
    static String namespaceName(Class<?> testClass) {
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        StringBuilder suffix = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 5; i++) {
            suffix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return "t-" + (name.isEmpty() ? "test" : name) + "-" + suffix;
    }

    private static Path reportsDir(ExtensionContext context) {
        return Path.of(context.getConfigurationParameter(FailureDiagnostics.REPORTS_DIR_PARAMETER)
                .orElse(FailureDiagnostics.DEFAULT_REPORTS_DIR));
    }

    private static ClassState state(ExtensionContext context) {
        ClassState state = context.getStore(STORE).get(STATE, ClassState.class);
        if (state == null) {
            throw new IllegalStateException("the Flotilla cluster of " + context.getRequiredTestClass().getName()
                    + " is not running (did start-up fail?)");
        }
        return state;
    }

    private static boolean injectable(Class<?> type) {
        return type == Cluster.class || type == TestNamespace.class || type == StartupReport.class
                || type == Faults.class;
    }

    private static Object value(Class<?> type, ClassState state) {
        if (type == Cluster.class) {
            return state.namespace.cluster();
        }
        if (type == TestNamespace.class) {
            return state.namespace;
        }
        if (type == StartupReport.class) {
            return state.report;
        }
        return type == Faults.class ? Faults.of(state.namespace.cluster()) : null;
    }

    /** Sets the non-final fields of injectable types: static ones when {@code instance} is null. */
    private static void inject(Class<?> type, Object instance, ClassState state) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (!injectable(f.getType()) || Modifier.isFinal(f.getModifiers()) || isStatic != (instance == null)) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    f.set(instance, value(f.getType(), state));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot inject " + c.getSimpleName() + "." + f.getName(), e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "FlotillaExtension";
    }
}

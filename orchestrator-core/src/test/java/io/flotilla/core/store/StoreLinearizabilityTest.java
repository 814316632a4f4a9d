package io.flotilla.core.store;

import io.flotilla.api.core.ConfigMap;
import java.util.stream.Collectors;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck runs small concurrent scenarios of create/get/update/delete/list on two keys, from three threads, and
 * checks every outcome (including the revisions returned and the list's revision and contents) against some
 * sequential execution of the same store. Results are strings so that errors and revisions compare by value.
 *
 * <p>Stress mode only: Lincheck 2.39's model-checking mode fails on JDK 25 inside Lincheck itself
 * ({@code Unsafe.staticFieldBase} is refused for the static {@code TYPE} field of record classes).
 */
@Param(name = "key", gen = IntGen.class, conf = "0:1")
@Param(name = "value", gen = IntGen.class, conf = "0:2")
@Param(name = "revision", gen = IntGen.class, conf = "1:6")
public class StoreLinearizabilityTest {
    private final InMemoryObjectStore store = InMemoryObjectStore.builder().historySize(64).build();

    private static ConfigMap configMap(int key, int value) {
        return ConfigMap.named("k" + key).namespace("default").data("v", Integer.toString(value)).build();
    }

    private static String describe(ConfigMap cm) {
        return cm.metadata().name() + "=" + cm.data().get("v") + "@" + cm.metadata().resourceVersion();
    }

    @Operation
    public String create(@Param(name = "key") int key, @Param(name = "value") int value) {
        try {
            return "created " + describe(store.create(configMap(key, value)));
        } catch (StoreException e) {
            return e.getMessage();
        }
    }

    @Operation
    public String get(@Param(name = "key") int key) {
        return store.get(ConfigMap.TYPE, "default", "k" + key).map(StoreLinearizabilityTest::describe)
                .orElse("absent");
    }

    @Operation
    public String updateIfVersion(@Param(name = "key") int key, @Param(name = "value") int value,
                                  @Param(name = "revision") int revision) {
        ConfigMap cm = configMap(key, value);
        try {
            return "updated " + describe(store.update(cm.withMetadata(
                    cm.metadata().withResourceVersion(Integer.toString(revision)))));
        } catch (StoreException e) {
            return e.getMessage();
        }
    }

    @Operation
    public String increment(@Param(name = "key") int key) {
        try {
            return "incremented " + describe(store.update(ConfigMap.TYPE, "default", "k" + key,
                    cm -> cm.toBuilder().data("v", Integer.toString(Integer.parseInt(cm.data().get("v")) + 1))
                            .build()));
        } catch (StoreException e) {
            return e.getMessage();
        }
    }

    @Operation
    public String delete(@Param(name = "key") int key) {
        try {
            return "deleted " + describe(store.delete(ConfigMap.TYPE, "default", "k" + key, Preconditions.NONE));
        } catch (StoreException e) {
            return e.getMessage();
        }
    }

    @Operation
    public String list() {
        ListResult<ConfigMap> list = store.list(ConfigMap.TYPE, ListOptions.all());
        return list.items().stream().map(StoreLinearizabilityTest::describe).collect(Collectors.joining(","))
                + " @" + list.resourceVersion();
    }

    @Test
    void linearizableUnderStress() {
        LinChecker.check(StoreLinearizabilityTest.class, new StressOptions()
                .iterations(60).invocationsPerIteration(2_000).threads(3).actorsPerThread(3));
    }
}

package io.flotilla.core.client.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ConfigMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache's indices follow puts, updates and removes, and hand out the current objects in key order. */
class IndexedCacheTest {
    private final IndexedCache<ConfigMap> cache = new IndexedCache<>();

    private static ConfigMap map(String name, String app, String version) {
        return ConfigMap.named(name).namespace("default").label("app", app).data("v", version).build();
    }

    private List<String> versions(String index, String value) {
        return cache.byIndex(index, value).stream().map(m -> m.metadata().name() + "@" + m.data().get("v")).toList();
    }

    @Test
    void anUpdateKeepingItsIndexValuesIsSeenThroughTheIndex() {
        cache.addIndexer(Indexers.LABEL, Indexers::labels);
        cache.put(map("b", "web", "1"));
        cache.put(map("a", "web", "1"));
        assertThat(cache.put(map("b", "web", "2"))).isEqualTo(map("b", "web", "1"));
        assertThat(versions(Indexers.LABEL, "app=web")).containsExactly("a@1", "b@2");
        assertThat(cache.get("default/b")).isEqualTo(map("b", "web", "2"));
    }

    @Test
    void anUpdateChangingItsIndexValuesMovesIt() {
        cache.addIndexer(Indexers.LABEL, Indexers::labels);
        cache.put(map("a", "web", "1"));
        cache.put(map("a", "db", "2"));
        assertThat(cache.indexValues(Indexers.LABEL)).containsExactly("app=db");
        assertThat(versions(Indexers.LABEL, "app=db")).containsExactly("a@2");
        assertThat(versions(Indexers.LABEL, "app=web")).isEmpty();
    }

    @Test
    void removeLeavesEveryIndex() {
        cache.addIndexer(Indexers.LABEL, Indexers::labels);
        cache.addIndexer(Indexers.NAMESPACE, Indexers::namespace);
        cache.put(map("a", "web", "1"));
        assertThat(cache.remove("default/a")).isEqualTo(map("a", "web", "1"));
        assertThat(cache.indexValues(Indexers.LABEL)).isEmpty();
        assertThat(cache.indexValues(Indexers.NAMESPACE)).isEmpty();
        assertThat(cache.remove("default/a")).isNull();
        cache.put(map("a", "web", "3"));
        assertThat(versions(Indexers.NAMESPACE, "default")).containsExactly("a@3");
    }

    @Test
    void anIndexAddedLaterCoversObjectsAlreadyThereAndTheirUpdates() {
        cache.put(map("a", "web", "1"));
        cache.addIndexer(Indexers.LABEL, Indexers::labels);
        cache.put(map("a", "db", "2"));
        assertThat(versions(Indexers.LABEL, "app=db")).containsExactly("a@2");
        assertThat(cache.indexValues(Indexers.LABEL)).containsExactly("app=db");
    }

    @Test
    void repeatedValuesIndexAnObjectOnce() {
        cache.addIndexer("twice", m -> List.of("x", "x"));
        cache.put(map("a", "web", "1"));
        cache.put(map("a", "web", "2"));
        assertThat(versions("twice", "x")).containsExactly("a@2");
    }

    @Test
    void keyOrderIsNamespaceThenNameForEveryShapeOfKey() {
        // namespaces of equal and of different lengths, one a prefix of another followed by '-' or '.', which
        // sort before '/' and so would fool a plain string comparison
        List<String> namespaces = List.of("", "a", "a-b", "a.b", "ab", "b", "default", "kube-system");
        List<String> names = List.of("a", "a-1", "a.1", "ab", "b", "web-10", "web-9");
        List<String> keys = new java.util.ArrayList<>();
        for (String ns : namespaces) {
            for (String name : names) {
                keys.add(IndexedCache.key(ns, name));
            }
        }
        java.util.Comparator<String> reference = java.util.Comparator
                .comparing((String k) -> k.contains("/") ? k.substring(0, k.indexOf('/')) : "")
                .thenComparing(k -> k.substring(k.indexOf('/') + 1));
        for (String x : keys) {
            for (String y : keys) {
                assertThat(Integer.signum(IndexedCache.KEY_ORDER.compare(x, y)))
                        .as("%s vs %s", x, y).isEqualTo(Integer.signum(reference.compare(x, y)));
            }
        }
    }
}

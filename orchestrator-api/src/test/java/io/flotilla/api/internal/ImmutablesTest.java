package io.flotilla.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.meta.ObjectMeta;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Normalised maps are private, ordered, unmodifiable copies, and are not copied again. */
class ImmutablesTest {
    @Test
    void copiesAMutableMapInOrder() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("b", "2");
        source.put("a", "1");
        Map<String, String> copy = Immutables.map(source);
        source.put("c", "3");
        assertThat(copy).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
        assertThat(copy).isEqualTo(Map.of("a", "1", "b", "2")).hasSameHashCodeAs(Map.of("a", "1", "b", "2"));
        assertThat(copy).hasToString("{b=2, a=1}");
    }

    @Test
    void aNormalisedMapIsReturnedAsIs() {
        Map<String, String> once = Immutables.map(new HashMap<>(Map.of("a", "1")));
        assertThat(Immutables.map(once)).isSameAs(once);
        assertThat(Immutables.with(once, "b", "2")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(once).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void recordCopiesShareTheirMaps() {
        ObjectMeta meta = ObjectMeta.builder().name("web").label("app", "web").annotation("note", "x").build();
        ObjectMeta copy = meta.withResourceVersion("7");
        assertThat(copy.labels()).isSameAs(meta.labels());
        assertThat(copy.annotations()).isSameAs(meta.annotations());
    }

    @Test
    void everyMutatorThrows() {
        Map<String, String> map = Immutables.map(Map.of("a", "1"));
        assertThatThrownBy(() -> map.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("zz")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.computeIfAbsent("a", k -> "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.merge("a", "x", (x, y) -> y)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.keySet().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(map).containsExactly(Map.entry("a", "1"));
    }
}

package io.flotilla.core.client.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentMapTest {

    @Test
    void dropsTheLeastRecentlyUsedEntryWhenFull() {
        RecentMap<String, Integer> map = new RecentMap<>(2);
        map.put("a", 1);
        map.put("b", 2);
        assertThat(map.get("a")).isEqualTo(1); // "b" is now the least recently used
        map.put("c", 3);
        assertThat(map.get("b")).isNull();
        assertThat(map.get("a")).isEqualTo(1);
        assertThat(map.computeIfAbsent("c", k -> 9)).isEqualTo(3);
        assertThat(map.computeIfAbsent("d", k -> 4)).isEqualTo(4);
        assertThat(map.get("a")).as("evicted by d").isNull();
        map.remove("c");
        assertThat(map.get("c")).isNull();
        assertThat(map.get("d")).isEqualTo(4);
    }
}

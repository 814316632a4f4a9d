package io.flotilla.core.scheduler.plugins.imagelocality;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.scores;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ContainerImage;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.core.scheduler.plugins.PluginFixtures.FakeHandle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageLocalityTest {

    private static final long MB = 1024L * 1024;

    private static Node withImage(String name, String image, long mb) {
        return node(name).toBuilder().image(new ContainerImage(List.of(image), mb * MB)).build();
    }

    private static Pod using(String... images) {
        Pod.Builder b = Pod.named("p").namespace("default");
        for (int i = 0; i < images.length; i++) {
            String image = images[i];
            b.container("c" + i, c -> c.image(image));
        }
        return b.build();
    }

    private static Map<String, Long> score(Pod pod, List<NodeInfo> nodes) {
        return scores(new ImageLocality(new FakeHandle().nodes(nodes)), pod, nodes);
    }

    @Test
    void scalesImageSizeByItsSpreadAcrossNodes() {
        List<NodeInfo> nodes = List.of(info(withImage("n1", "nginx:1.27", 500)), info(node("n2")),
                info(withImage("n3", "nginx:1.27", 500)));
        // 500MB * 2/3 nodes = 333MB: 100 * (333 - 23) / (1000 - 23) = 31.
        assertThat(score(using("nginx:1.27"), nodes)).containsExactly(Map.entry("n1", 31L), Map.entry("n2", 0L),
                Map.entry("n3", 31L));
    }

    @Test
    void untaggedImagesAreLookedUpAsLatest() {
        List<NodeInfo> nodes = List.of(info(withImage("n1", "redis:latest", 100)));
        // 100MB on every node: 100 * (100 - 23) / 977 = 7.
        assertThat(score(using("redis"), nodes)).containsEntry("n1", 7L);
        assertThat(ImageLocality.normalized("registry:5000/app")).isEqualTo("registry:5000/app:latest");
        assertThat(ImageLocality.normalized("app@sha256:abc")).isEqualTo("app@sha256:abc");
    }

    @Test
    void thresholdsClampTheSum() {
        assertThat(score(using("tiny:1"), List.of(info(withImage("n1", "tiny:1", 20))))).containsEntry("n1", 0L);
        assertThat(score(using("huge:1"), List.of(info(withImage("n1", "huge:1", 3000))))).containsEntry("n1", 100L);
        // Two containers raise the upper threshold to 2000MB: 1000MB of images score about half.
        NodeInfo both = info(node("n1").toBuilder().image(new ContainerImage(List.of("a:1"), 500 * MB))
                .image(new ContainerImage(List.of("b:1"), 500 * MB)).build());
        assertThat(score(using("a:1", "b:1"), List.of(both))).containsEntry("n1", 49L);
    }

    @Test
    void preScoreSkipsWhenNoNodeHasAnyImageOfThePod() {
        List<NodeInfo> nodes = List.of(info(withImage("n1", "nginx:1.27", 500)), info(node("n2")));
        ImageLocality plugin = new ImageLocality(new FakeHandle().nodes(nodes));
        assertThat(plugin.preScore(new CycleState(), PodInfo.of(using("redis:7")), nodes).isSkip()).isTrue();
        assertThat(plugin.preScore(new CycleState(), PodInfo.of(using("redis:7", "nginx:1.27")), nodes).isSuccess())
                .isTrue();
    }
}

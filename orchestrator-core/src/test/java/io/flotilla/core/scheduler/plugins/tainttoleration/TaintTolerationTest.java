package io.flotilla.core.scheduler.plugins.tainttoleration;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.scores;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Taint;
import io.flotilla.api.core.Toleration;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaintTolerationTest {

    private static Arguments row(String name, Taint taint, Toleration toleration, String rejection) {
        return Arguments.of(name, taint, toleration, rejection);
    }

    static Stream<Arguments> filterCases() {
        Taint gpu = Taint.of("dedicated", "gpu", "NoSchedule");
        return Stream.of(
                row("no taint", null, null, null),
                row("NoSchedule without toleration", gpu, null, "node(s) had untolerated taint {dedicated: gpu}"),
                row("NoExecute without toleration", Taint.of("k", "v", "NoExecute"), null,
                        "node(s) had untolerated taint {k: v}"),
                row("PreferNoSchedule never filters", Taint.of("k", "v", "PreferNoSchedule"), null, null),
                row("Equal with the same value", gpu, Toleration.equal("dedicated", "gpu", "NoSchedule"), null),
                row("Equal with another value", gpu, Toleration.equal("dedicated", "cpu", "NoSchedule"),
                        "node(s) had untolerated taint {dedicated: gpu}"),
                row("Equal with empty effect matches every effect", gpu,
                        new Toleration("dedicated", "Equal", "gpu", null, null), null),
                row("Exists ignores the value", gpu, Toleration.exists("dedicated"), null),
                row("Exists with another effect", gpu, new Toleration("dedicated", "Exists", null, "NoExecute", null),
                        "node(s) had untolerated taint {dedicated: gpu}"),
                row("empty key with Exists tolerates all", gpu, new Toleration(null, "Exists", null, null, null), null),
                row("operator defaults to Equal", gpu, new Toleration("dedicated", null, "gpu", null, null), null),
                row("taint without value", Taint.of("spot", null, "NoSchedule"), null,
                        "node(s) had untolerated taint {spot: }"),
                row("Equal toleration of a valueless taint", Taint.of("spot", null, "NoSchedule"),
                        new Toleration("spot", "Equal", "", "NoSchedule", null), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void filter(String name, Taint taint, Toleration toleration, String rejection) {
        Node n = taint == null ? node("n1") : node("n1").toBuilder().taint(taint).build();
        Pod p = toleration == null ? pod("p") : pod("p").toBuilder().toleration(toleration).build();
        Status s = new TaintToleration().filter(new CycleState(), PodInfo.of(p), info(n));
        if (rejection == null) {
            assertThat(s.isSuccess()).as(s.toString()).isTrue();
        } else {
            assertThat(s.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
            assertThat(s.reasons()).containsExactly(rejection);
        }
    }

    @Test
    void namesTheFirstUntoleratedTaint() {
        Node n = node("n1").toBuilder().taint(Taint.of("a", "1", "NoSchedule")).taint(Taint.of("b", "2", "NoExecute"))
                .build();
        Pod p = pod("p").toBuilder().toleration(Toleration.exists("a")).build();
        assertThat(new TaintToleration().filter(new CycleState(), PodInfo.of(p), info(n)).reasons())
                .containsExactly("node(s) had untolerated taint {b: 2}");
    }

    @Test
    void scorePrefersFewerIntolerablePreferNoScheduleTaints() {
        Taint soft1 = Taint.of("soft1", "x", "PreferNoSchedule");
        Taint soft2 = Taint.of("soft2", "x", "PreferNoSchedule");
        Node clean = node("clean");
        Node one = node("one").toBuilder().taint(soft1).build();
        Node two = node("two").toBuilder().taint(soft1).taint(soft2).build();
        Node tolerated = node("tolerated").toBuilder().taint(Taint.of("ok", "x", "PreferNoSchedule")).build();
        // A NoSchedule-only toleration does not count for PreferNoSchedule taints.
        Pod p = pod("p").toBuilder().toleration(new Toleration("ok", "Exists", null, "PreferNoSchedule", null))
                .toleration(new Toleration("soft1", "Exists", null, "NoSchedule", null)).build();
        assertThat(scores(new TaintToleration(), p, List.of(info(clean), info(one), info(two), info(tolerated))))
                .containsExactly(entry("clean", 100), entry("one", 50), entry("two", 0), entry("tolerated", 100));
    }

    private static java.util.Map.Entry<String, Long> entry(String k, long v) {
        return java.util.Map.entry(k, v);
    }
}

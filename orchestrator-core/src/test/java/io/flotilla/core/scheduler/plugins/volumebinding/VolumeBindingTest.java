package io.flotilla.core.scheduler.plugins.volumebinding;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.zonedNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.NodeSelector;
import io.flotilla.api.core.NodeSelectorRequirement;
import io.flotilla.api.core.NodeSelectorTerm;
import io.flotilla.api.core.PersistentVolume;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Volume;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreFilterResult;
import io.flotilla.api.scheduler.Status;
import io.flotilla.api.storage.StorageClass;
import io.flotilla.core.scheduler.plugins.PluginFixtures.FakeHandle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeBindingTest {

    private static Pod claiming(String name, String claim) {
        return pod(name).toBuilder().volume(Volume.persistentVolumeClaim("data", claim)).build();
    }

    private static PersistentVolumeClaim.Builder claim(String name) {
        return PersistentVolumeClaim.named(name).namespace("default").storage("1Gi");
    }

    /** PreFilter result, or the per-node Filter statuses on success. */
    private static Object run(Pod pod, List<NodeInfo> nodes, Resource... objects) {
        VolumeBinding plugin = new VolumeBinding(new FakeHandle().nodes(nodes).objects(objects));
        CycleState state = new CycleState();
        PreFilterResult r = plugin.preFilter(state, PodInfo.of(pod), nodes);
        if (!r.status().isSuccess()) {
            return r.status();
        }
        Map<String, Status> out = new LinkedHashMap<>();
        nodes.forEach(n -> out.put(n.name(), plugin.filter(state, PodInfo.of(pod), n)));
        return out;
    }

    private static List<NodeInfo> twoNodes(Pod... onN1) {
        return List.of(info(zonedNode("n1", "a"), onN1), info(zonedNode("n2", "b")));
    }

    @Test
    void missingClaimIsUnresolvable() {
        Status s = (Status) run(claiming("p", "data"), twoNodes());
        assertThat(s.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
        assertThat(s.reasons()).containsExactly("persistentvolumeclaim \"data\" not found");
    }

    @Test
    void deletingClaimIsUnresolvable() {
        PersistentVolumeClaim deleting = claim("data").metadata(m -> m.deletionTimestamp(Instant.EPOCH)).build();
        assertThat(((Status) run(claiming("p", "data"), twoNodes(), deleting)).reasons())
                .containsExactly("persistentvolumeclaim \"data\" is being deleted");
    }

    @Test
    void unboundClaimWaitingForFirstConsumerFitsAnywhere() {
        StorageClass wffc = StorageClass.named("local").provisioner("x").waitForFirstConsumer().build();
        PersistentVolumeClaim pvc = claim("data").storageClassName("local").readWriteMany().build();
        assertThat(run(claiming("p", "data"), twoNodes(), wffc, pvc)).isInstanceOfSatisfying(Status.class,
                s -> assertThat(s.isSkip()).isTrue());
        // The default class applies to claims without a class name.
        StorageClass defaultWffc = StorageClass.named("std").provisioner("x").waitForFirstConsumer().defaultClass()
                .build();
        assertThat(run(claiming("p", "data"), twoNodes(), defaultWffc, claim("data").readWriteMany().build()))
                .isInstanceOfSatisfying(Status.class, s -> assertThat(s.isSkip()).isTrue());
    }

    @Test
    void unboundImmediateClaimIsUnresolvable() {
        StorageClass immediate = StorageClass.named("fast").provisioner("x").build();
        PersistentVolumeClaim pvc = claim("data").storageClassName("fast").build();
        assertThat(((Status) run(claiming("p", "data"), twoNodes(), immediate, pvc)).reasons())
                .containsExactly("pod has unbound immediate PersistentVolumeClaims");
    }

    @Test
    void boundVolumeNodeAffinityPinsThePod() {
        PersistentVolume pv = PersistentVolume.named("pv-a").capacity("1Gi").local("/mnt/disk").nodeAffinity(
                NodeSelector.of(NodeSelectorTerm.of(NodeSelectorRequirement.in("topology.kubernetes.io/zone", "a"))))
                .build();
        PersistentVolumeClaim pvc = claim("data").volumeName("pv-a").readWriteMany().build();
        @SuppressWarnings("unchecked")
        Map<String, Status> s = (Map<String, Status>) run(claiming("p", "data"), twoNodes(), pv, pvc);
        assertThat(s.get("n1").isSuccess()).isTrue();
        assertThat(s.get("n2").code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
        assertThat(s.get("n2").reasons()).containsExactly("node(s) had volume node affinity conflict");
    }

    @Test
    void claimBoundToAMissingVolume() {
        PersistentVolumeClaim pvc = claim("data").volumeName("gone").build();
        assertThat(((Status) run(claiming("p", "data"), twoNodes(), pvc)).reasons())
                .containsExactly("node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)");
    }

    @Test
    void readWriteOnceClaimInUseKeepsThePodOnThatNode() {
        PersistentVolume pv = PersistentVolume.named("pv").capacity("1Gi").hostPath("/d").build();
        PersistentVolumeClaim pvc = claim("data").volumeName("pv").readWriteOnce().build();
        @SuppressWarnings("unchecked")
        Map<String, Status> s = (Map<String, Status>) run(claiming("p", "data"),
                twoNodes(claiming("user", "data")), pv, pvc);
        assertThat(s.get("n1").isSuccess()).isTrue();
        assertThat(s.get("n2").code()).isEqualTo(Status.Code.UNSCHEDULABLE);
        assertThat(s.get("n2").reasons()).containsExactly("node(s) unavailable due to PersistentVolumeClaim with"
                + " ReadWriteOnce access mode already in-use on another node");
    }

    @Test
    void readWriteOncePodClaimInUseBlocksEveryNode() {
        PersistentVolume pv = PersistentVolume.named("pv").capacity("1Gi").hostPath("/d").build();
        PersistentVolumeClaim pvc = claim("data").volumeName("pv").readWriteOncePod().build();
        @SuppressWarnings("unchecked")
        Map<String, Status> s = (Map<String, Status>) run(claiming("p", "data"),
                twoNodes(claiming("user", "data")), pv, pvc);
        assertThat(s.values()).allSatisfy(st -> assertThat(st.reasons()).containsExactly("node(s) unavailable due"
                + " to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod"));
        // Unused, it fits anywhere.
        @SuppressWarnings("unchecked")
        Map<String, Status> free = (Map<String, Status>) run(claiming("p", "data"), twoNodes(), pv, pvc);
        assertThat(free.values()).allSatisfy(st -> assertThat(st.isSuccess()).isTrue());
    }

    @Test
    void evictingTheUserInASimulationFreesTheClaim() {
        PersistentVolume pv = PersistentVolume.named("pv").capacity("1Gi").hostPath("/d").build();
        PersistentVolumeClaim pvc = claim("data").volumeName("pv").readWriteOncePod().build();
        List<NodeInfo> nodes = twoNodes(claiming("user", "data"));
        VolumeBinding plugin = new VolumeBinding(new FakeHandle().nodes(nodes).objects(pv, pvc));
        PodInfo p = PodInfo.of(claiming("p", "data"));
        CycleState state = new CycleState();
        plugin.preFilter(state, p, nodes);
        CycleState sim = state.copy();
        NodeInfo n1 = nodes.get(0);
        plugin.removePod(sim, p, n1.pods().get(0), n1.withoutPod(n1.pods().get(0).id()));
        assertThat(plugin.filter(sim, p, nodes.get(1)).isSuccess()).isTrue();
        assertThat(plugin.filter(state, p, nodes.get(1)).isSuccess()).isFalse();
    }

    @Test
    void podsWithoutClaimsSkip() {
        assertThat(((Status) run(pod("p"), twoNodes())).isSkip()).isTrue();
    }
}

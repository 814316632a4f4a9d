package io.flotilla.core.scheduler.plugins.volumebinding;

import io.flotilla.api.core.NodeSelector;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Volume;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.PodInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What PreFilter learns about a pod's claims: the node affinities of the volumes its bound claims use, and for each
 * single-writer claim where it is in use now — per {@code ReadWriteOnce} claim the nodes (with pod counts) of the
 * pods using it, per {@code ReadWriteOncePod} claim the number of such pods. Copyable, since preemption removes
 * pods on a copy.
 */
final class ClaimState implements CycleState.Copyable<ClaimState> {

    final String namespace;
    final List<NodeSelector> volumeAffinities;
    final List<String> rwoClaims;
    final List<Map<String, Integer>> rwoUsers;
    final List<String> rwopClaims;
    final int[] rwopUsers;

    ClaimState(String namespace, List<NodeSelector> volumeAffinities, List<String> rwoClaims,
               List<Map<String, Integer>> rwoUsers, List<String> rwopClaims, int[] rwopUsers) {
        this.namespace = namespace;
        this.volumeAffinities = volumeAffinities;
        this.rwoClaims = rwoClaims;
        this.rwoUsers = rwoUsers;
        this.rwopClaims = rwopClaims;
        this.rwopUsers = rwopUsers;
    }

    /** Whether the pod has single-writer claims whose users must be tracked. */
    boolean tracksUsers() {
        return !rwoClaims.isEmpty() || !rwopClaims.isEmpty();
    }

    /** Counts {@code other} on node {@code nodeName} with {@code delta} for every tracked claim it uses. */
    void update(PodInfo other, String nodeName, int delta) {
        Pod pod = other.pod();
        if (pod.spec() == null || !namespace.equals(PodInfo.namespaceOf(pod))) {
            return;
        }
        for (Volume v : pod.spec().volumes()) {
            if (v.persistentVolumeClaim() == null) {
                continue;
            }
            String claim = v.persistentVolumeClaim().claimName();
            int i = rwoClaims.indexOf(claim);
            if (i >= 0) {
                Map<String, Integer> users = rwoUsers.get(i);
                users.merge(nodeName, delta, Integer::sum);
                users.remove(nodeName, 0);
            }
            int j = rwopClaims.indexOf(claim);
            if (j >= 0) {
                rwopUsers[j] += delta;
            }
        }
    }

    @Override
    public ClaimState copy() {
        List<Map<String, Integer>> users = new ArrayList<>();
        rwoUsers.forEach(m -> users.add(new HashMap<>(m)));
        return new ClaimState(namespace, volumeAffinities, rwoClaims, users, rwopClaims, rwopUsers.clone());
    }
}

package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Formats Kubernetes' {@code FitError} message: {@code "0/5 nodes are available: 2 node(s) had untolerated taint
 * {dedicated: gpu}, 3 Insufficient cpu."} — every reason of every rejected node counted, the
 * {@code "<count> <reason>"} strings sorted as strings (as Kubernetes does), then the PreFilter message (instead of
 * the per-node reasons when PreFilter rejected the pod) and the PostFilter (preemption) message, each as a
 * {@code " <text>."} sentence.
 */
final class FailureMessage {

    static final String NO_NODES = "no nodes available to schedule pods";

    private FailureMessage() {
    }

    static String of(Diagnosis d) {
        StringBuilder msg = new StringBuilder("0/").append(d.numAllNodes()).append(" nodes are available:");
        Status pre = d.preFilterStatus();
        if (pre != null) {
            sentence(msg, pre.message());
        } else {
            Map<String, Integer> counts = new TreeMap<>();
            for (Status s : d.nodeStatuses().values()) {
                for (String reason : s.reasons()) {
                    counts.merge(reason, 1, Integer::sum);
                }
            }
            if (d.absentNodes() > 0) {
                for (String reason : d.absentStatus().reasons()) {
                    counts.merge(reason, d.absentNodes(), Integer::sum);
                }
            }
            List<String> parts = new ArrayList<>();
            counts.forEach((reason, n) -> parts.add(n + " " + reason));
            parts.sort(null);
            if (!parts.isEmpty()) {
                sentence(msg, String.join(", ", parts));
            }
        }
        if (!d.postFilterMessage().isEmpty()) {
            sentence(msg, d.postFilterMessage());
        }
        return msg.toString();
    }

    private static void sentence(StringBuilder msg, String text) {
        msg.append(' ').append(text).append('.');
    }
}

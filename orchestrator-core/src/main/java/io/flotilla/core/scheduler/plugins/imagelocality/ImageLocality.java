package io.flotilla.core.scheduler.plugins.imagelocality;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.scheduler.ClusterSnapshot;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreScorePlugin;
import io.flotilla.api.scheduler.SchedulerHandle;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.api.scheduler.Status;
import java.util.List;

/**
 * Favours nodes that already have the pod's images, like Kubernetes' {@code ImageLocality}. For each container
 * (init containers included) whose image the node reports, it adds {@code size * nodesWithImage / totalNodes}, so
 * an image present everywhere counts fully and a rare one barely (which avoids piling pods onto the one node that
 * has it). The sum is clamped to {@code [23MB, 1000MB * containers]} and mapped linearly onto 0..100. Image names
 * without tag or digest are looked up as {@code :latest}. PreScore skips Score when no node has any of the pod's
 * images (every node would score 0). Thread-safe; Score does not allocate.
 */
public final class ImageLocality implements PreScorePlugin, ScorePlugin {

    /** The plugin name. */
    public static final String NAME = "ImageLocality";

    private static final long MB = 1024L * 1024;
    /** Below this total, a node scores 0. */
    static final long MIN_THRESHOLD = 23 * MB;
    /** Per container; above this total times the containers, a node scores 100. */
    static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

    private static final CycleState.Key<String[]> IMAGES = CycleState.Key.of(NAME + "/images");

    private final SchedulerHandle handle;

    /**
     * Creates the plugin.
     *
     * @param handle the profile's handle, for the number of nodes holding each image; not null
     */
    public ImageLocality(SchedulerHandle handle) {
        this.handle = handle;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Normalizes the pod's image names once. */
    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
        PodSpec spec = pod.pod().spec();
        if (spec == null) {
            return Status.skip();
        }
        String[] images = new String[spec.containers().size() + spec.initContainers().size()];
        int i = 0;
        for (Container c : spec.initContainers()) {
            images[i++] = normalized(c.image());
        }
        for (Container c : spec.containers()) {
            images[i++] = normalized(c.image());
        }
        // an image no node has scores 0 everywhere (the sum stays under the minimum threshold): skip Score
        ClusterSnapshot snapshot = handle.snapshot();
        boolean anywhere = false;
        for (String image : images) {
            anywhere |= snapshot.imageNodeCount(image) > 0;
        }
        if (!anywhere) {
            return Status.skip();
        }
        state.write(IMAGES, images);
        return Status.success();
    }

    /** Adds {@code :latest} to an image reference that has neither tag nor digest, as Kubernetes does. */
    static String normalized(String image) {
        if (image == null) {
            return "";
        }
        return image.lastIndexOf(':') <= image.lastIndexOf('/') ? image + ":latest" : image;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        String[] images = state.read(IMAGES);
        if (images == null || images.length == 0) {
            return 0;
        }
        ClusterSnapshot snapshot = handle.snapshot();
        int total = snapshot.size();
        long sum = 0;
        for (String image : images) {
            Long size = node.imageSizes().get(image);
            if (size != null && total > 0) {
                sum += (long) (size * ((double) snapshot.imageNodeCount(image) / total));
            }
        }
        long max = MAX_CONTAINER_THRESHOLD * images.length;
        long clamped = Math.max(MIN_THRESHOLD, Math.min(max, sum));
        return MAX_NODE_SCORE * (clamped - MIN_THRESHOLD) / (max - MIN_THRESHOLD);
    }
}

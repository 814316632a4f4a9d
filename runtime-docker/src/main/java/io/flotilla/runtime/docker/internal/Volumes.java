package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateVolumeResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.RuntimeVolume;
import io.flotilla.api.runtime.VolumeFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named Docker volumes and the delivery of files into them. Files travel through the archive API into a helper
 * container that mounts the volume and is never started (so this works against remote engines, whose file system
 * the JVM cannot see, and needs nothing in the image but a root file system); see {@link VolumeArchive} for the
 * layout. Only when an update drops files does a second helper run {@code rm} to delete them (best effort: the
 * sandbox image must have {@code rm}, as the busybox one does). Thread-safe.
 *
 * <p>Design notes: the helper of a successful write is removed in the background (a container removal is one of
 * the daemon's slower calls and a pod start waits for its ConfigMap and Secret volumes); removing the volume, and
 * {@link #awaitHelperRemovals()} at close, wait for those removals first, so nothing is left in use or behind.
 */
public final class Volumes {
    private static final Logger LOG = LoggerFactory.getLogger(Volumes.class);
    private static final String MOUNT = "/flotilla-volume";

    private final DockerClient docker;
    private final Settings settings;
    private final Errors errors;
    private final Images images;
    private final Map<String, CompletableFuture<Void>> helperRemovals = new ConcurrentHashMap<>();

    /** Volumes on the engine behind {@code docker}; helpers run {@link Settings#sandboxImage()}. */
    public Volumes(DockerClient docker, Settings settings, Errors errors, Images images) {
        this.docker = docker;
        this.settings = settings;
        this.errors = errors;
        this.images = images;
    }

    /** Creates (or finds) volume {@code name}; see {@code ContainerRuntime#createVolume}. */
    public RuntimeVolume create(String name, Map<String, String> labels) {
        try {
            CreateVolumeResponse created = docker.createVolumeCmd().withName(name).withDriver("local")
                    .withLabels(labels).exec();
            return new RuntimeVolume(created.getName(), created.getLabels() == null ? labels : created.getLabels(),
                    null);
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.VOLUME, name);
        }
    }

    /** Removes volume {@code name}; idempotent; in use is {@link ContainerRuntimeException.InvalidState}. */
    public void remove(String name) {
        CompletableFuture<Void> helpers = helperRemovals.remove(name);
        if (helpers != null) {
            helpers.join();
        }
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (ConflictException e) {
            throw new ContainerRuntimeException.InvalidState(errors.endpoint(),
                    "volume " + name + " is in use: " + Errors.daemonMessage(e));
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.VOLUME, name);
        }
    }

    /** The volumes carrying every one of {@code labels}. */
    public List<RuntimeVolume> list(Map<String, String> labels) {
        try {
            var cmd = docker.listVolumesCmd();
            if (!labels.isEmpty()) {
                cmd.withFilter("label", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            }
            List<InspectVolumeResponse> volumes = cmd.exec().getVolumes();
            return volumes == null ? List.of() : volumes.stream()
                    .filter(v -> RuntimeLabels.matches(labels, v.getLabels() == null ? Map.of() : v.getLabels()))
                    .map(v -> new RuntimeVolume(v.getName(), v.getLabels(), null)).toList();
        } catch (RuntimeException e) {
            throw errors.translate(e, "listing volumes");
        }
    }

    /** Replaces the volume's files; see {@code ContainerRuntime#writeFiles}. */
    public void writeFiles(String name, Map<String, VolumeFile> files) {
        files.keySet().forEach(VolumeArchive::checkPath);
        InspectVolumeResponse volume;
        try {
            volume = docker.inspectVolumeCmd(name).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.VOLUME, name);
        }
        List<String> stale;
        String helper = createHelper(name, volume.getLabels(), null);
        try {
            stale = VolumeArchive.stale(VolumeArchive.parseManifest(readManifest(helper)), files);
            docker.copyArchiveToContainerCmd(helper).withRemotePath(MOUNT)
                    .withTarInputStream(new ByteArrayInputStream(VolumeArchive.build(files))).exec();
        } catch (RuntimeException e) {
            removeHelper(helper);
            throw errors.translate(e, ObjectKind.VOLUME, name);
        }
        removeHelperLater(name, helper);
        if (!stale.isEmpty()) {
            deleteStale(name, volume.getLabels(), stale);
        }
    }

    /** Deletes files an update dropped, with {@code rm} in a helper (best effort: the image may lack it). */
    private void deleteStale(String name, Map<String, String> volumeLabels, List<String> stale) {
        List<String> command = new ArrayList<>(List.of("rm", "-f", "--"));
        stale.forEach(p -> command.add(MOUNT + "/" + p));
        String helper = createHelper(name, volumeLabels, command);
        try {
            docker.startContainerCmd(helper).exec();
            Integer code = docker.waitContainerCmd(helper).start()
                    .awaitStatusCode(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (code == null || code != 0) {
                LOG.warn("could not delete {} dropped file(s) from volume {} (rm exited {})", stale.size(), name,
                        code);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not delete {} dropped file(s) from volume {}: {}", stale.size(), name,
                    Errors.daemonMessage(e));
        } finally {
            removeHelper(helper);
        }
    }

    private String createHelper(String volume, Map<String, String> volumeLabels, List<String> command) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RuntimeLabels.KIND, Labels.KIND_HELPER);
        if (volumeLabels != null && volumeLabels.containsKey(RuntimeLabels.CLUSTER)) {
            labels.put(RuntimeLabels.CLUSTER, volumeLabels.get(RuntimeLabels.CLUSTER));
        }
        HostConfig host = HostConfig.newHostConfig().withNetworkMode("none")
                .withBinds(new Bind(volume, new Volume(MOUNT), AccessMode.rw));
        try {
            return create(labels, host, command);
        } catch (NotFoundException e) {
            if (!Errors.mentionsMissingImage(e)) {
                throw errors.translate(e, ObjectKind.VOLUME, volume);
            }
            images.pullForRuntime(settings.sandboxImage());
            return create(labels, host, command);
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.VOLUME, volume);
        }
    }

    private String create(Map<String, String> labels, HostConfig host, List<String> command) {
        var cmd = docker.createContainerCmd(settings.sandboxImage()).withLabels(labels).withHostConfig(host)
                .withNetworkDisabled(true);
        if (command != null) {
            cmd.withEntrypoint(command).withCmd(List.of());
        }
        return cmd.exec().getId();
    }

    /** The manifest of the last write, or {@code null} when the volume has not been written. */
    private byte[] readManifest(String helper) {
        try (InputStream in = docker.copyArchiveFromContainerCmd(helper, MOUNT + "/" + VolumeArchive.MANIFEST)
                .exec(); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry = tar.getNextEntry();
            return entry == null || !entry.isFile() ? null : tar.readAllBytes();
        } catch (NotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new ContainerRuntimeException(errors.endpoint(), "cannot read the manifest of a volume", e);
        }
    }

    /** Removes the helper of volume {@code volume} in the background; {@link #remove} waits for it. */
    private void removeHelperLater(String volume, String id) {
        CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> {
            try {
                removeHelper(id);
            } catch (RuntimeException e) {
                LOG.debug("could not remove volume helper {} (a cleanup of the cluster removes it): {}", id,
                        e.toString());
            }
        }, runnable -> Thread.ofVirtual().name("flotilla-volume-helper").start(runnable));
        CompletableFuture<Void> all = helperRemovals.merge(volume, removal, CompletableFuture::allOf);
        all.whenComplete((done, failure) -> helperRemovals.remove(volume, all));
    }

    /** Waits for the background removals of helpers; for an orderly close. */
    public void awaitHelperRemovals() {
        for (String volume : List.copyOf(helperRemovals.keySet())) {
            CompletableFuture<Void> removals = helperRemovals.remove(volume);
            if (removals != null) {
                removals.join();
            }
        }
    }

    private void removeHelper(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException ignored) {
            // already gone
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.CONTAINER, id);
        }
    }
}

package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.Image;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.RegistryAuth;
import io.flotilla.runtime.containerd.cri.Cri;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Images through the CRI {@code ImageService}, in containerd's {@code k8s.io} namespace. Images the user names in
 * the familiar form ({@code flotilla-test/busybox:1}) are reported with that name among their tags, as Docker
 * does. Thread-safe.
 */
public final class CriImages {
    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);

    private final CriConnection cri;

    /** Images of {@code cri}. */
    public CriImages(CriConnection cri) {
        this.cri = cri;
    }

    /** Pulls {@code image}. */
    public Image pull(ImageSpec image, RegistryAuth auth) {
        Cri.PullImageRequest.Builder request = Cri.PullImageRequest.newBuilder()
                .setImage(Cri.ImageSpec.newBuilder().setImage(image.image()));
        if (auth != null) {
            request.setAuth(auth(auth));
        }
        try {
            cri.images(PULL_TIMEOUT).pullImage(request.build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                throw cri.errors().translate(e, ObjectKind.IMAGE, image.image());
            }
            String message = CriErrors.runtimeMessage(e);
            boolean notFound = e.getStatus().getCode() == Status.Code.NOT_FOUND
                    || message.toLowerCase(Locale.ROOT).contains("not found");
            throw new ContainerRuntimeException.ImagePullFailed(cri.endpoint().uri(), image.image(), notFound,
                    message + importHint(image), e);
        }
        return status(image).orElseThrow(() -> new ContainerRuntimeException(cri.endpoint().uri(),
                "image " + image + " was pulled but the runtime does not list it"));
    }

    /** The image, if present, with the name it was asked by among its tags. */
    public Optional<Image> status(ImageSpec image) {
        Cri.ImageStatusResponse response;
        try {
            response = cri.images().imageStatus(Cri.ImageStatusRequest.newBuilder()
                    .setImage(Cri.ImageSpec.newBuilder().setImage(image.image())).build());
        } catch (StatusRuntimeException e) {
            if (CriErrors.isNotFound(e)) {
                return Optional.empty();
            }
            throw cri.errors().translate(e, ObjectKind.IMAGE, image.image());
        }
        if (!response.hasImage()) {
            return Optional.empty();
        }
        Image found = CriMapping.image(response.getImage());
        if (found.repoTags().contains(image.image()) || found.id().equals(image.image())) {
            return Optional.of(found);
        }
        List<String> tags = new ArrayList<>(found.repoTags());
        tags.add(image.image());
        return Optional.of(new Image(found.id(), tags, found.repoDigests(), found.sizeBytes()));
    }

    /** Every image. */
    public List<Image> list() {
        try {
            return cri.images().listImages(Cri.ListImagesRequest.getDefaultInstance()).getImagesList().stream()
                    .map(CriMapping::image).toList();
        } catch (StatusRuntimeException e) {
            throw cri.errors().translate(e, "listing images");
        }
    }

    /** Removes an image; nothing happens when it is not there. */
    public void remove(ImageSpec image) {
        try {
            cri.images().removeImage(Cri.RemoveImageRequest.newBuilder()
                    .setImage(Cri.ImageSpec.newBuilder().setImage(image.image())).build());
        } catch (StatusRuntimeException e) {
            if (!CriErrors.isNotFound(e)) {
                throw cri.errors().translate(e, ObjectKind.IMAGE, image.image());
            }
        }
    }

    /**
     * The exception for a container whose image is not in the runtime's store: not found, with a suppressed
     * exception that says how to get it there.
     */
    public ContainerRuntimeException.NotFound missing(ImageSpec image) {
        ContainerRuntimeException.NotFound notFound = new ContainerRuntimeException.NotFound(cri.endpoint().uri(),
                ObjectKind.IMAGE, image.image());
        notFound.addSuppressed(new ContainerRuntimeException(cri.endpoint().uri(), "image " + image
                + " is not in containerd's k8s.io namespace: pull it first" + importHint(image)));
        return notFound;
    }

    /** How to bring a Docker-built image into containerd, for images that may live only in Docker. */
    String importHint(ImageSpec image) {
        String qualified = ImageNames.qualified(image.image());
        if (!qualified.startsWith("docker.io/")) {
            return "";
        }
        return "; if the image exists only in Docker, import it: docker save " + image + " | ctr -a "
                + cri.endpoint().socket() + " -n k8s.io images import -";
    }

    private static Cri.AuthConfig auth(RegistryAuth auth) {
        Cri.AuthConfig.Builder out = Cri.AuthConfig.newBuilder();
        if (auth.serverAddress() != null) {
            out.setServerAddress(auth.serverAddress());
        }
        if (auth.username() != null) {
            out.setUsername(auth.username());
        }
        if (auth.password() != null) {
            out.setPassword(auth.password());
        }
        if (auth.identityToken() != null) {
            out.setIdentityToken(auth.identityToken());
        }
        return out.build();
    }
}

package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.Image;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.RegistryAuth;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Images: inspection (for {@code IfNotPresent}), listing, removal and pulls. A pull reports the daemon's own
 * message when it fails (Kubernetes' {@code ErrImagePull}) and never needs a registry for an image that is present
 * and not asked to be pulled. Thread-safe.
 *
 * <p>Design notes: a burst of pods asks for the same image once per container start; an image found present is
 * remembered for {@link #PRESENT_FOR} so the burst costs one inspection. The memory is dropped by a pull, a
 * removal through this runtime and a create that finds the image missing ({@link #forget}); an image removed
 * behind the runtime's back can be reported present for at most that long (the create then fails and is retried).
 */
public final class Images {
    private static final long PULL_TIMEOUT_MINUTES = 30;
    /** How long an image found present is believed present without asking the daemon again. */
    static final Duration PRESENT_FOR = Duration.ofSeconds(2);

    private final DockerClient docker;
    private final Errors errors;
    private final LongSupplier nanoTime;
    private final Map<String, Seen> present = new ConcurrentHashMap<>();

    private record Seen(Image image, long atNanos) {
    }

    /** Images on the engine behind {@code docker}. */
    public Images(DockerClient docker, Errors errors) {
        this(docker, errors, System::nanoTime);
    }

    Images(DockerClient docker, Errors errors, LongSupplier nanoTime) {
        this.docker = docker;
        this.errors = errors;
        this.nanoTime = nanoTime;
    }

    /** The image if present (possibly as seen up to {@link #PRESENT_FOR} ago). */
    public Optional<Image> status(ImageSpec image) {
        Seen seen = present.get(image.image());
        long now = nanoTime.getAsLong();
        if (seen != null && now - seen.atNanos() < PRESENT_FOR.toNanos()) {
            return Optional.of(seen.image());
        }
        Optional<Image> found = inspect(image);
        found.ifPresentOrElse(i -> present.put(image.image(), new Seen(i, now)), () -> forget(image.image()));
        return found;
    }

    /** Forgets that {@code image} was present: it was removed, replaced, or a create did not find it. */
    public void forget(String image) {
        present.remove(image);
    }

    private Optional<Image> inspect(ImageSpec image) {
        try {
            return Optional.of(toImage(docker.inspectImageCmd(image.image()).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            if (e instanceof com.github.dockerjava.api.exception.BadRequestException) {
                return Optional.empty();
            }
            throw errors.translate(e, ObjectKind.IMAGE, image.image());
        }
    }

    /** Every image present. */
    public List<Image> list() {
        try {
            return docker.listImagesCmd().exec().stream()
                    .map(i -> new Image(i.getId(), clean(i.getRepoTags()), clean(i.getRepoDigests()),
                            i.getSize() == null ? 0 : i.getSize()))
                    .toList();
        } catch (RuntimeException e) {
            throw errors.translate(e, "listing images");
        }
    }

    /** Removes an image; idempotent. */
    public void remove(ImageSpec image) {
        forget(image.image());
        try {
            docker.removeImageCmd(image.image()).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (ConflictException e) {
            throw new ContainerRuntimeException.InvalidState(errors.endpoint(),
                    "image " + image.image() + " is in use: " + Errors.daemonMessage(e));
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.IMAGE, image.image());
        }
    }

    /**
     * Pulls {@code image} and returns it as now present.
     *
     * @throws ContainerRuntimeException.ImagePullFailed with the daemon's message when the pull fails
     */
    public Image pull(ImageSpec image, RegistryAuth auth) {
        Names.ImageRef ref = Names.ImageRef.parse(image.image());
        PullImageCmd cmd = docker.pullImageCmd(ref.repository()).withTag(ref.tag());
        if (auth != null) {
            cmd.withAuthConfig(new AuthConfig().withRegistryAddress(auth.serverAddress())
                    .withUsername(auth.username()).withPassword(auth.password())
                    .withIdentityToken(auth.identityToken()));
        }
        PullCallback callback = new PullCallback();
        try {
            cmd.exec(callback);
            if (!callback.awaitCompletion(PULL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                callback.close();
                throw failed(image, "the pull did not finish within " + PULL_TIMEOUT_MINUTES + " minutes", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(image, "interrupted", e);
        } catch (java.io.IOException e) {
            throw failed(image, e.getMessage(), e);
        } catch (ContainerRuntimeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(image, Errors.daemonMessage(e), e);
        }
        forget(image.image());
        if (callback.error.get() != null) {
            throw failed(image, callback.error.get(), callback.failure.get());
        }
        return status(image).orElseThrow(() -> failed(image,
                "the daemon reported success but the image is not present", null));
    }

    /** Pulls an image the runtime itself needs (the sandbox image) when it is missing. */
    void pullForRuntime(String image) {
        pull(ImageSpec.of(image), null);
    }

    private ContainerRuntimeException.ImagePullFailed failed(ImageSpec image, String message, Throwable cause) {
        String text = message == null ? "unknown error" : message;
        return new ContainerRuntimeException.ImagePullFailed(errors.endpoint(), image.image(), isNotFound(text),
                text, cause);
    }

    /** Whether a pull failure message says the image or tag does not exist. */
    static boolean isNotFound(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("not found") || m.contains("manifest unknown") || m.contains("does not exist")
                || m.contains("repository") && m.contains("denied");
    }

    private static Image toImage(InspectImageResponse inspect) {
        return new Image(inspect.getId(), clean(inspect.getRepoTags()), clean(inspect.getRepoDigests()),
                inspect.getSize() == null ? 0 : inspect.getSize());
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !v.startsWith("<none>")).toList();
    }

    private static List<String> clean(String[] values) {
        return values == null ? List.of() : clean(Arrays.asList(values));
    }

    /** Collects the first error a pull reports, in its progress stream or as a failed request. */
    private static final class PullCallback extends ResultCallback.Adapter<PullResponseItem> {
        private final AtomicReference<String> error = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        @Override
        public void onNext(PullResponseItem item) {
            if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                error.compareAndSet(null, item.getErrorDetail().getMessage());
            } else if (item.getError() != null) {
                error.compareAndSet(null, item.getError());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            failure.compareAndSet(null, throwable);
            error.compareAndSet(null, Errors.daemonMessage(throwable));
            try {
                close();
            } catch (java.io.IOException ignored) {
                // the failure is what matters
            }
        }
    }
}

package io.flotilla.testkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The images every test uses, built locally because no registry is reachable: {@code FROM scratch} plus the
 * static busybox of the machine ({@code /bin/busybox}, Debian's {@code busybox-static}).
 *
 * <ul>
 *   <li>{@link #BUSYBOX}: busybox with its applets installed in {@code /bin} ({@code sh}, {@code httpd},
 *       {@code nc}, {@code wget}, {@code sleep}...); default command {@code sh}.</li>
 *   <li>{@link #PAUSE}: the same, whose default command sleeps forever: the pod sandbox image.</li>
 * </ul>
 *
 * <p>{@link #ensureBuilt(DockerClient)} builds each image once per engine and is cheap afterwards. Thread-safe.
 */
public final class TestImages {
    /** busybox with its applets; default command {@code /bin/sh}. */
    public static final String BUSYBOX = "flotilla-test/busybox:1";
    /** The pod sandbox image: busybox sleeping forever. */
    public static final String PAUSE = "flotilla-test/pause:1";

    private static final Path STATIC_BUSYBOX = Path.of("/bin/busybox");

    private TestImages() {
    }

    /**
     * Builds {@link #BUSYBOX} and {@link #PAUSE} on the engine behind {@code docker} unless they are present.
     *
     * @throws IllegalStateException naming the fix if {@code /bin/busybox} is missing or not static, or the build
     *                               fails
     */
    public static synchronized void ensureBuilt(DockerClient docker) {
        build(docker, BUSYBOX, "[\"/bin/sh\"]");
        build(docker, PAUSE, "[\"/bin/busybox\", \"sleep\", \"2147483647\"]");
    }

    private static void build(DockerClient docker, String tag, String cmd) {
        if (present(docker, tag)) {
            return;
        }
        if (!Files.isRegularFile(STATIC_BUSYBOX)) {
            throw new IllegalStateException("cannot build test image " + tag + ": " + STATIC_BUSYBOX
                    + " is missing; install Debian's busybox-static (apt-get install -y busybox-static)");
        }
        Path context = null;
        try {
            context = Files.createTempDirectory("flotilla-image-");
            Files.copy(STATIC_BUSYBOX, context.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.writeString(context.resolve("Dockerfile"), String.join("\n",
                    "FROM scratch",
                    "COPY busybox /bin/busybox",
                    "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                    "CMD " + cmd,
                    ""));
            boolean done = docker.buildImageCmd(context.toFile())
                    .withTags(Set.of(tag))
                    .withPull(false)
                    .withNoCache(false)
                    .start()
                    .awaitCompletion(5, TimeUnit.MINUTES);
            if (!done || !present(docker, tag)) {
                throw new IllegalStateException("building test image " + tag + " did not finish");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the build context of " + tag, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + tag, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("building test image " + tag + " failed: " + e.getMessage()
                    + " (is " + STATIC_BUSYBOX + " the static busybox of Debian's busybox-static?)", e);
        } finally {
            deleteQuietly(context);
        }
    }

    private static boolean present(DockerClient docker, String tag) {
        try {
            docker.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}

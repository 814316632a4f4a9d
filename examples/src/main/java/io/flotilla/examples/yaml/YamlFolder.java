package io.flotilla.examples.yaml;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.Cluster;
import io.flotilla.examples.support.Await;
import io.flotilla.examples.support.Http;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of plain Kubernetes YAML applied as is, like {@code kubectl apply -f k8s/guestbook/}: every
 * {@code .yaml}/{@code .yml} file in name order, each file validated whole before any of its objects is applied.
 * {@link #main} applies the guestbook (a namespace, a ConfigMap, a Secret, two Deployments and their Services) to
 * a cluster on Docker and fetches the page through the NodePort. Stateless and thread-safe.
 */
public final class YamlFolder {
    /** The classpath folder of the guestbook manifests. */
    public static final String GUESTBOOK = "/k8s/guestbook";
    /** The guestbook's namespace. */
    public static final String NAMESPACE = "guestbook";

    private YamlFolder() {
    }

    /** Applies the guestbook to a one-node cluster on the local Docker engine and prints the page it serves. */
    public static void main(String[] args) {
        TestImages.ensureBuilt(TestDocker.client());
        try (Cluster cluster = Cluster.builder().id("yaml-folder").node("local", DockerRuntime.local())
                .keepPersistentVolumesOnClose(false).start()) {
            List<Resource> applied = apply(cluster, folder(GUESTBOOK));
            applied.forEach(r -> System.out.println("applied " + r.kind() + " " + r.metadata().name()));
            awaitAvailable(cluster, Duration.ofSeconds(60));
            URI url = cluster.services().hostUrl(NAMESPACE, "frontend");
            System.out.println("GET " + url + " -> " + Http.get(url));
        }
    }

    /**
     * Applies every YAML file of {@code folder}, in file-name order.
     *
     * @return the stored objects, in order
     * @throws io.flotilla.api.manifest.ManifestException naming every problem of the first bad file (the files
     *                                                    before it stay applied, like {@code kubectl})
     * @throws UncheckedIOException                       if the folder cannot be listed
     */
    public static List<Resource> apply(Cluster cluster, Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list manifest folder " + folder, e);
        }
        List<Resource> applied = new ArrayList<>();
        for (Path file : files) {
            applied.addAll(cluster.apply(file));
        }
        return applied;
    }

    /** Waits until every Deployment of the guestbook has all its replicas available. */
    public static void awaitAvailable(Cluster cluster, Duration timeout) {
        Await.until("the guestbook's Deployments to be available", timeout, () -> cluster.client().deployments()
                .inNamespace(NAMESPACE).list().stream().allMatch(YamlFolder::available));
    }

    private static boolean available(Deployment d) {
        return d.status() != null && d.spec().replicas().equals(d.status().availableReplicas());
    }

    /**
     * The classpath folder {@code name} as a {@link Path}, also when it sits inside a jar.
     *
     * @throws IllegalArgumentException if there is no such folder on the classpath
     */
    public static Path folder(String name) {
        URL url = YamlFolder.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no folder " + name + " on the classpath");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException ignored) {
                    // opened by an earlier call
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad classpath URL " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + url, e);
        }
    }
}

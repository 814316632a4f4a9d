package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.RuntimeVolume;
import io.flotilla.api.runtime.VolumeFile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Volumes for a CRI runtime, which has none of its own: one host directory per volume under {@code root}, as
 * {@code <root>/<name>/data} (bind-mounted into containers) beside {@code <root>/<name>/volume.properties} (its
 * labels and creation time), so {@link #list} can select by label after a restart. Files are written with their
 * modes; each file is replaced by an atomic rename. Thread-safe (a lock serialises writers of this process).
 */
public final class HostVolumes {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,252}");
    private static final String METADATA = "volume.properties";
    private static final String DATA = "data";
    private static final String LABEL = "label.";
    private static final String CREATED = "createdAt";

    private final Path root;
    private final String endpoint;
    private final Clock clock;
    private final Object lock = new Object();

    /** Volumes under {@code root} for the runtime at {@code endpoint}. */
    public HostVolumes(Path root, String endpoint, Clock clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates volume {@code name} with {@code labels}, or returns it unchanged if it exists.
     *
     * @throws IllegalArgumentException  if the name is not a safe file name
     * @throws ContainerRuntimeException if the directory cannot be created
     */
    public RuntimeVolume create(String name, Map<String, String> labels) {
        Path dir = directory(name);
        synchronized (lock) {
            Optional<RuntimeVolume> existing = find(name);
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            Properties properties = new Properties();
            labels.forEach((k, v) -> properties.setProperty(LABEL + k, v));
            properties.setProperty(CREATED, now.toString());
            try {
                Files.createDirectories(dir.resolve(DATA));
                Path temp = dir.resolve(METADATA + ".tmp");
                try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    properties.store(out, "Flotilla volume " + name);
                }
                Files.move(temp, dir.resolve(METADATA), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw failure("creating volume " + name, e);
            }
            return new RuntimeVolume(name, labels, now);
        }
    }

    /** The volume {@code name}, if it exists. */
    public Optional<RuntimeVolume> find(String name) {
        Path metadata = directory(name).resolve(METADATA);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(metadata, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("reading volume " + name, e);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith(LABEL)).sorted()
                .forEach(k -> labels.put(k.substring(LABEL.length()), properties.getProperty(k)));
        String created = properties.getProperty(CREATED);
        return Optional.of(new RuntimeVolume(name, labels, created == null ? null : Instant.parse(created)));
    }

    /**
     * The directory containers mount for volume {@code name}.
     *
     * @throws ContainerRuntimeException.NotFound if the volume does not exist
     */
    public Path dataDirectory(String name) {
        if (find(name).isEmpty()) {
            throw new ContainerRuntimeException.NotFound(endpoint, ObjectKind.VOLUME, name);
        }
        return directory(name).resolve(DATA);
    }

    /** Where volume {@code name}'s data would be, whether or not it exists. */
    public Path dataPath(String name) {
        return directory(name).resolve(DATA);
    }

    /** The volumes carrying every one of {@code selector}, oldest first. */
    public List<RuntimeVolume> list(Map<String, String> selector) {
        List<RuntimeVolume> volumes = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return volumes;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (NAME.matcher(name).matches()) {
                    find(name).filter(v -> RuntimeLabels.matches(selector, v.labels())).ifPresent(volumes::add);
                }
            }
        } catch (IOException e) {
            throw failure("listing volumes in " + root, e);
        }
        volumes.sort(Comparator.comparing((RuntimeVolume v) -> v.createdAt() == null ? Instant.EPOCH : v.createdAt())
                .thenComparing(RuntimeVolume::name));
        return volumes;
    }

    /** Removes volume {@code name} and its data; nothing happens when it does not exist. */
    public void remove(String name) {
        Path dir = directory(name);
        synchronized (lock) {
            try {
                Files.deleteIfExists(dir.resolve(METADATA)); // first: a half-removed volume is no longer listed
                deleteTree(dir);
            } catch (IOException e) {
                throw failure("removing volume " + name, e);
            }
        }
    }

    /**
     * Replaces the content of volume {@code name} with exactly {@code files}, each with its mode.
     *
     * @throws IllegalArgumentException           if a path is absolute, empty or contains {@code ..}
     * @throws ContainerRuntimeException.NotFound if the volume does not exist
     */
    public void writeFiles(String name, Map<String, VolumeFile> files) {
        files.keySet().forEach(HostVolumes::checkRelative);
        Path data = dataDirectory(name);
        synchronized (lock) {
            try {
                for (Map.Entry<String, VolumeFile> file : files.entrySet()) {
                    write(data, data.resolve(file.getKey()).normalize(), file.getValue());
                }
                Set<Path> keep = new HashSet<>();
                files.keySet().forEach(k -> keep.add(data.resolve(k).normalize()));
                removeOthers(data, keep);
            } catch (IOException e) {
                throw failure("writing files to volume " + name, e);
            }
        }
    }

    private static void write(Path data, Path target, VolumeFile file) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.write(temp, file.content());
            Files.setPosixFilePermissions(temp, permissions(file.mode()));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        Path dir = target.getParent();
        while (!dir.equals(data)) {
            Files.setPosixFilePermissions(dir, permissions(0755));
            dir = dir.getParent();
        }
    }

    private static void removeOthers(Path data, Set<Path> keep) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(data)) {
            all = walk.filter(p -> !p.equals(data)).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : all) {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> children = Files.list(path)) {
                    if (children.findAny().isEmpty()) {
                        Files.delete(path);
                    }
                }
            } else if (!keep.contains(path)) {
                Files.delete(path);
            }
        }
    }

    /**
     * Checks that {@code path} is relative and stays inside the volume.
     *
     * @throws IllegalArgumentException naming the path otherwise
     */
    static void checkRelative(String path) {
        if (path.isEmpty() || path.startsWith("/") || Path.of(path).isAbsolute()) {
            throw new IllegalArgumentException("volume file paths must be relative: '" + path + "'");
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                throw new IllegalArgumentException("volume file paths must not contain '..': '" + path + "'");
            }
        }
    }

    /** The POSIX permissions of mode bits such as {@code 0644}. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                out.add(order[bit]);
            }
        }
        return out;
    }

    private Path directory(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("volume name '" + name + "' must be 1-253 letters, digits, '_', '.' "
                    + "or '-', starting with a letter or digit");
        }
        return root.resolve(name);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private ContainerRuntimeException failure(String what, IOException e) {
        String detail = e instanceof FileAlreadyExistsException ? "a file is in the way: " + e.getMessage()
                : e.getMessage();
        return new ContainerRuntimeException(endpoint, what + " failed: " + detail, e);
    }
}

package io.flotilla.runtime.containerd.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Image references in the two spellings users meet: containerd's fully qualified one
 * ({@code docker.io/library/nginx:1.27}) and the familiar one Docker shows and manifests use ({@code nginx:1.27}).
 * Stateless and thread-safe.
 */
public final class ImageNames {
    private static final String DOCKER_HUB = "docker.io/";
    private static final String LIBRARY = "library/";

    private ImageNames() {
    }

    /**
     * The familiar form of {@code reference}: without {@code docker.io/}, and without {@code library/} for official
     * images. Other references come back unchanged.
     */
    public static String familiar(String reference) {
        Objects.requireNonNull(reference, "reference");
        if (!reference.startsWith(DOCKER_HUB)) {
            return reference;
        }
        String rest = reference.substring(DOCKER_HUB.length());
        return rest.startsWith(LIBRARY) ? rest.substring(LIBRARY.length()) : rest;
    }

    /**
     * The fully qualified form of {@code reference}: a first path component that is not a registry (no dot, colon or
     * {@code localhost}) means Docker Hub, a single component means an official image, and no tag or digest means
     * {@code :latest}.
     */
    public static String qualified(String reference) {
        Objects.requireNonNull(reference, "reference");
        String name = reference;
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasRegistry = slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        if (!hasRegistry) {
            name = DOCKER_HUB + (slash < 0 ? LIBRARY : "") + name;
        }
        int lastSlash = name.lastIndexOf('/');
        String last = name.substring(lastSlash + 1);
        if (!last.contains(":") && !last.contains("@")) {
            name = name + ":latest";
        }
        return name;
    }

    /** {@code tags} followed by the familiar forms that differ from them, without duplicates, in order. */
    public static List<String> withFamiliar(List<String> tags) {
        Set<String> all = new LinkedHashSet<>(tags);
        tags.forEach(tag -> all.add(familiar(tag)));
        return new ArrayList<>(all);
    }
}

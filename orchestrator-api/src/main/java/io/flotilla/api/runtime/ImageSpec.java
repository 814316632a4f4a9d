package io.flotilla.api.runtime;

import java.util.Objects;

/**
 * An image reference as the user wrote it, such as {@code nginx:1.27} or {@code 127.0.0.1:5000/app@sha256:...}
 * (CRI {@code ImageSpec}). Immutable.
 *
 * @param image the reference; not blank
 */
public record ImageSpec(String image) {

    /** Checks the reference. */
    public ImageSpec {
        Objects.requireNonNull(image, "image");
        if (image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank");
        }
    }

    /** The image {@code image}. */
    public static ImageSpec of(String image) {
        return new ImageSpec(image);
    }

    @Override
    public String toString() {
        return image;
    }
}

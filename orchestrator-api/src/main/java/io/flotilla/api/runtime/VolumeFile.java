package io.flotilla.api.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The content and permission bits of one file written by {@link ContainerRuntime#writeFiles}: how ConfigMap and
 * Secret volumes reach hosts the agent cannot write to directly. Immutable (the bytes are copied in and out);
 * {@link #toString()} shows the size and mode, never the content.
 */
public final class VolumeFile {
    /** The mode of ConfigMap files: {@code 0644}. */
    public static final int DEFAULT_MODE = 0644;
    /** The mode of Secret files: {@code 0400}. */
    public static final int SECRET_MODE = 0400;

    private final byte[] content;
    private final int mode;

    private VolumeFile(byte[] content, int mode) {
        this.content = content.clone();
        if (mode < 0 || mode > 0777) {
            throw new IllegalArgumentException("mode must be between 0 and 0777: " + Integer.toOctalString(mode));
        }
        this.mode = mode;
    }

    /**
     * A file of {@code content} with permission bits {@code mode}.
     *
     * @throws IllegalArgumentException if {@code mode} is outside {@code 0..0777}
     */
    public static VolumeFile of(byte[] content, int mode) {
        return new VolumeFile(Objects.requireNonNull(content, "content"), mode);
    }

    /** A {@link #DEFAULT_MODE} file holding {@code text} as UTF-8. */
    public static VolumeFile text(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8), DEFAULT_MODE);
    }

    /** A {@link #SECRET_MODE} file holding {@code content}. */
    public static VolumeFile secret(byte[] content) {
        return of(content, SECRET_MODE);
    }

    /** A copy of the content. */
    public byte[] content() {
        return content.clone();
    }

    /** The content decoded as UTF-8. */
    public String contentAsString() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The size in bytes. */
    public int size() {
        return content.length;
    }

    /** The permission bits, such as {@code 0644}. */
    public int mode() {
        return mode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolumeFile other && mode == other.mode && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(content) + mode;
    }

    @Override
    public String toString() {
        return "VolumeFile[" + content.length + " bytes, mode " + Integer.toOctalString(mode) + "]";
    }
}

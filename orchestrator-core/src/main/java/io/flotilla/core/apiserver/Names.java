package io.flotilla.core.apiserver;

import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.store.StoreException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** How objects are named in errors, and generated names. Stateless and thread-safe. */
final class Names {
    /** Kubernetes' alphabet for generated suffixes: no vowels (no words), no look-alike characters. */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int SUFFIX_LENGTH = 5;
    private static final int MAX_NAME = 63;

    private Names() {
    }

    /** The resource as Kubernetes prints it in errors: {@code pods}, {@code deployments.apps}. */
    static String resource(ResourceType<?> type) {
        return StoreException.resource(type);
    }

    /** The object as validation messages name it: {@code Deployment.apps "web"}. */
    static String what(ResourceType<?> type, String name) {
        return type.qualifiedKind() + " \"" + (name == null ? "" : name) + "\"";
    }

    /** A random (version 4) UUID from {@code random}, as Kubernetes' uids. */
    static String uid(RandomGenerator random) {
        long msb;
        long lsb;
        if (random instanceof SecureRandom secure) {
            // one call to the engine (a synchronized read of the OS source) instead of four for two nextLong()s
            ByteBuffer bytes = ByteBuffer.wrap(new byte[16]);
            secure.nextBytes(bytes.array());
            msb = bytes.getLong();
            lsb = bytes.getLong();
        } else {
            msb = random.nextLong();
            lsb = random.nextLong();
        }
        msb = (msb & ~0xF000L) | 0x4000L;
        lsb = (lsb & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }

    /** {@code prefix} (cut to leave room) plus 5 random characters, as Kubernetes' name generator. */
    static String generate(String prefix, RandomGenerator random) {
        String base = prefix.length() > MAX_NAME - SUFFIX_LENGTH ? prefix.substring(0, MAX_NAME - SUFFIX_LENGTH)
                : prefix;
        StringBuilder name = new StringBuilder(base);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }
}

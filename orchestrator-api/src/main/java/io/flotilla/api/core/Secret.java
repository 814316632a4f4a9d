package io.flotilla.api.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Confidential data for pods, such as passwords, tokens and keys: files in a volume or environment variables.
 *
 * <pre>{@code
 * Secret db = Secret.named("db").stringData("password", "s3cr3t").build();
 * byte[] password = db.decoded("password");
 * }</pre>
 *
 * <p>As in Kubernetes, {@code data} holds base64 strings and {@code stringData} plain text that wins over
 * {@code data} for the same key; the server merges {@code stringData} into {@code data} on write. {@code type}
 * defaults to {@link #OPAQUE} on write and selects extra rules (a {@link #TLS} secret needs {@code tls.crt} and
 * {@code tls.key}).
 *
 * <p><b>Values never leak:</b> {@link #toString()} shows the name, type and keys only (not even the metadata, whose
 * annotations may hold a copy of the manifest), and validation never puts a value in an error.
 *
 * <p>Immutable and thread-safe; maps are never {@code null}.
 *
 * @param metadata   standard metadata
 * @param immutable  whether the data may never change
 * @param data       entries, base64-encoded as in YAML
 * @param stringData plain-text entries, write-only in Kubernetes (merged into {@code data})
 * @param secretType the kind of secret, {@code type} in YAML (renamed because {@code type()} is the resource
 *                   kind, hence the one Jackson annotation), such as
 *                   {@link #OPAQUE} or {@link #TLS}; {@code null} means Opaque
 */
public record Secret(ObjectMeta metadata, Boolean immutable, Map<String, String> data, Map<String, String> stringData,
                     @JsonProperty("type") String secretType) implements Resource {

    /** The {@code v1/Secret} kind. */
    public static final ResourceType<Secret> TYPE =
            new ResourceType<>(Secret.class, "v1", "Secret", "secrets", true, SecretValidation::validate);

    /** Arbitrary user data (the default type). */
    public static final String OPAQUE = "Opaque";
    /** A service account token; needs the {@code kubernetes.io/service-account.name} annotation. */
    public static final String SERVICE_ACCOUNT_TOKEN = "kubernetes.io/service-account-token";
    /** A legacy {@code ~/.dockercfg} file under key {@code .dockercfg}. */
    public static final String DOCKERCFG = "kubernetes.io/dockercfg";
    /** A {@code ~/.docker/config.json} file under key {@code .dockerconfigjson}, for image pulls. */
    public static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";
    /** Basic authentication: {@code username} and/or {@code password}. */
    public static final String BASIC_AUTH = "kubernetes.io/basic-auth";
    /** SSH authentication: {@code ssh-privatekey}. */
    public static final String SSH_AUTH = "kubernetes.io/ssh-auth";
    /** A TLS certificate and its key: {@code tls.crt} and {@code tls.key}. */
    public static final String TLS = "kubernetes.io/tls";
    /** A bootstrap token. */
    public static final String BOOTSTRAP_TOKEN = "bootstrap.kubernetes.io/token";

    /** The key of a TLS secret's certificate chain. */
    public static final String TLS_CERT_KEY = "tls.crt";
    /** The key of a TLS secret's private key. */
    public static final String TLS_PRIVATE_KEY_KEY = "tls.key";
    /** The key of a {@link #DOCKER_CONFIG_JSON} secret's file. */
    public static final String DOCKER_CONFIG_JSON_KEY = ".dockerconfigjson";
    /** The key of a {@link #DOCKERCFG} secret's file. */
    public static final String DOCKERCFG_KEY = ".dockercfg";
    /** The key of a {@link #BASIC_AUTH} secret's user name. */
    public static final String BASIC_AUTH_USERNAME_KEY = "username";
    /** The key of a {@link #BASIC_AUTH} secret's password. */
    public static final String BASIC_AUTH_PASSWORD_KEY = "password";
    /** The key of a {@link #SSH_AUTH} secret's private key. */
    public static final String SSH_AUTH_PRIVATE_KEY = "ssh-privatekey";
    /** The annotation naming a {@link #SERVICE_ACCOUNT_TOKEN} secret's service account. */
    public static final String SERVICE_ACCOUNT_NAME_ANNOTATION = "kubernetes.io/service-account.name";

    /** Normalises absent values. */
    public Secret {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        data = Immutables.map(data);
        stringData = Immutables.map(stringData);
    }

    /** A builder for a Secret named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this Secret's values. */
    public Builder toBuilder() {
        Builder b = new Builder(metadata);
        b.immutable = immutable;
        b.data = data;
        b.stringData = stringData;
        b.type = secretType;
        return b;
    }

    @Override
    public ResourceType<Secret> type() {
        return TYPE;
    }

    @Override
    public Secret withMetadata(ObjectMeta metadata) {
        return new Secret(metadata, immutable, data, stringData, secretType);
    }

    /** The type, {@link #OPAQUE} when unset. */
    public String effectiveType() {
        return secretType == null || secretType.isEmpty() ? OPAQUE : secretType;
    }

    /** Every key of {@code data} and {@code stringData}, in order, each once. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(data.keySet());
        keys.addAll(stringData.keySet());
        return keys;
    }

    /**
     * The value of {@code key} as bytes: the UTF-8 of its {@code stringData} entry if there is one (it wins, as in
     * Kubernetes), else its {@code data} entry decoded from base64.
     *
     * @return a new array the caller owns, or {@code null} if neither map has the key
     * @throws IllegalArgumentException if the {@code data} entry is not valid base64 (the message names the key only)
     */
    public byte[] decoded(String key) {
        String plain = stringData.get(key);
        if (plain != null) {
            return plain.getBytes(StandardCharsets.UTF_8);
        }
        String encoded = data.get(key);
        if (encoded == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message quotes a character of the secret.
            throw new IllegalArgumentException("data[" + key + "] of Secret " + metadata.name()
                    + " is not valid base64");
        }
    }

    /**
     * The value of {@code key} decoded as UTF-8 text, as {@link #decoded(String)} finds it.
     *
     * @return the text, or {@code null} if neither map has the key
     * @throws IllegalArgumentException if the {@code data} entry is not valid base64
     */
    public String decodedString(String key) {
        byte[] bytes = decoded(key);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The name, type and keys, never a value nor the metadata (annotations may hold a copy of the data). */
    @Override
    public String toString() {
        return "Secret[namespace=" + metadata.namespace() + ", name=" + metadata.name() + ", type=" + secretType
                + ", immutable=" + immutable + ", data keys=" + List.copyOf(data.keySet())
                + ", stringData keys=" + List.copyOf(stringData.keySet()) + "]";
    }

    /** Fluent builder of {@link Secret}. Not thread-safe; its {@code toString()} does not show values either. */
    public static final class Builder extends ResourceBuilder<Builder, Secret> {
        private Boolean immutable;
        private Map<String, String> data = Map.of();
        private Map<String, String> stringData = Map.of();
        private String type;

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        /** Adds or replaces a plain-text entry of {@code stringData}. */
        public Builder stringData(String key, String value) {
            stringData = Immutables.with(stringData, key, value);
            return this;
        }

        /** Replaces all plain-text entries. */
        public Builder stringData(Map<String, String> stringData) {
            this.stringData = Immutables.map(stringData);
            return this;
        }

        /** Adds or replaces an entry of {@code data}, given as raw bytes (stored base64-encoded). */
        public Builder data(String key, byte[] value) {
            data = Immutables.with(data, key, Base64.getEncoder().encodeToString(value));
            return this;
        }

        /** Sets {@code type}, such as {@link Secret#TLS}; unset means {@link Secret#OPAQUE}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Makes this a {@link Secret#TLS} secret holding a PEM certificate chain and its PEM private key. */
        public Builder tls(byte[] certificatePem, byte[] privateKeyPem) {
            return type(TLS).data(TLS_CERT_KEY, certificatePem).data(TLS_PRIVATE_KEY_KEY, privateKeyPem);
        }

        /** Marks the data as never changing. */
        public Builder immutable(Boolean immutable) {
            this.immutable = immutable;
            return this;
        }

        @Override
        public Secret build() {
            return new Secret(metadata(), immutable, data, stringData, type);
        }
    }
}

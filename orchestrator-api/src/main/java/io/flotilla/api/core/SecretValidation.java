package io.flotilla.api.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Validation of {@link Secret}: keys, base64 of {@code data}, total size, and the keys each well-known type needs.
 *
 * <p>Design note: no error ever carries a secret value. Errors about values use a {@code null} value and a detail
 * that describes the problem without quoting (not even the JSON parser's message, which quotes the input).
 */
final class SecretValidation {
    private static final int MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretValidation() {
    }

    static void validate(Secret secret, ValidationErrors errors) {
        Checks.objectMeta(secret.metadata(), Secret.TYPE.namespaced(), false, errors);
        FieldPath data = FieldPath.of("data");
        long size = 0;
        for (Map.Entry<String, String> e : secret.data().entrySet()) {
            FieldPath path = data.key(e.getKey());
            Checks.configKey(e.getKey(), path, errors);
            byte[] bytes = decode(e.getValue());
            if (bytes == null) {
                errors.invalid(path, null, "must be base64-encoded");
            } else if (!secret.stringData().containsKey(e.getKey())) {
                size += bytes.length;
            }
        }
        FieldPath stringData = FieldPath.of("stringData");
        for (Map.Entry<String, String> e : secret.stringData().entrySet()) {
            Checks.configKey(e.getKey(), stringData.key(e.getKey()), errors);
            size += e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_BYTES) {
            errors.add(new FieldError(data, FieldError.Type.TOO_LONG, null, "must have at most " + MAX_BYTES
                    + " bytes"));
        }
        typeRules(secret, data, errors);
    }

    private static void typeRules(Secret secret, FieldPath data, ValidationErrors errors) {
        switch (secret.effectiveType()) {
            case Secret.TLS -> {
                requireKey(secret, Secret.TLS_CERT_KEY, data, errors);
                requireKey(secret, Secret.TLS_PRIVATE_KEY_KEY, data, errors);
            }
            case Secret.DOCKER_CONFIG_JSON -> requireJson(secret, Secret.DOCKER_CONFIG_JSON_KEY, data, errors);
            case Secret.DOCKERCFG -> requireJson(secret, Secret.DOCKERCFG_KEY, data, errors);
            case Secret.SSH_AUTH -> requireKey(secret, Secret.SSH_AUTH_PRIVATE_KEY, data, errors);
            case Secret.BASIC_AUTH -> {
                if (!secret.keys().contains(Secret.BASIC_AUTH_USERNAME_KEY)
                        && !secret.keys().contains(Secret.BASIC_AUTH_PASSWORD_KEY)) {
                    errors.required(data.key(Secret.BASIC_AUTH_USERNAME_KEY), "");
                    errors.required(data.key(Secret.BASIC_AUTH_PASSWORD_KEY), "");
                }
            }
            case Secret.SERVICE_ACCOUNT_TOKEN -> {
                String account = secret.metadata().annotations().get(Secret.SERVICE_ACCOUNT_NAME_ANNOTATION);
                if (account == null || account.isEmpty()) {
                    errors.required(FieldPath.of("metadata").child("annotations")
                            .key(Secret.SERVICE_ACCOUNT_NAME_ANNOTATION), "");
                }
            }
            default -> {
                // Opaque and custom types have no required keys.
            }
        }
    }

    private static boolean requireKey(Secret secret, String key, FieldPath data, ValidationErrors errors) {
        if (!secret.keys().contains(key)) {
            errors.required(data.key(key), "");
            return false;
        }
        return true;
    }

    private static void requireJson(Secret secret, String key, FieldPath data, ValidationErrors errors) {
        if (!requireKey(secret, key, data, errors)) {
            return;
        }
        String plain = secret.stringData().get(key);
        byte[] bytes = plain != null ? plain.getBytes(StandardCharsets.UTF_8) : decode(secret.data().get(key));
        if (bytes == null) {
            return; // bad base64, reported above
        }
        try {
            JSON.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            errors.invalid(data.key(key), null, "must be valid JSON (contents not shown)");
        }
    }

    /** The decoded bytes, or {@code null} if the text is absent or not base64. */
    private static byte[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package io.flotilla.api.runtime;

/**
 * Credentials for pulling from a registry (CRI {@code AuthConfig}), from an image pull secret. Immutable;
 * {@link #toString()} never shows the secrets.
 *
 * @param serverAddress the registry, such as {@code registry.example.com}, or {@code null}
 * @param username      the user name, or {@code null}
 * @param password      the password, or {@code null}
 * @param identityToken an identity token used instead of a password, or {@code null}
 */
public record RegistryAuth(String serverAddress, String username, String password, String identityToken) {

    /** Shows the server and user only. */
    @Override
    public String toString() {
        return "RegistryAuth[serverAddress=" + serverAddress + ", username=" + username + ", secrets=<redacted>]";
    }
}

package io.flotilla.core.node;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Secret;
import io.flotilla.core.client.Client;
import java.util.Optional;

/**
 * Where the agent reads the objects a pod refers to. Reads go to the API layer directly (an in-memory read), so a
 * ConfigMap applied just before its pod is always seen. Thread-safe.
 */
final class ObjectSource {
    private final Client client;

    ObjectSource(Client client) {
        this.client = client;
    }

    Optional<ConfigMap> configMap(String namespace, String name) {
        return client.configMaps().inNamespace(namespace).get(name);
    }

    Optional<Secret> secret(String namespace, String name) {
        return client.secrets().inNamespace(namespace).get(name);
    }

    Optional<PersistentVolumeClaim> claim(String namespace, String name) {
        return client.persistentVolumeClaims().inNamespace(namespace).get(name);
    }
}

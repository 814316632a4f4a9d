package io.flotilla.benchmarks.threetier;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.batch.Job;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Container;
import io.flotilla.api.core.EnvVar;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.Secret;
import io.flotilla.examples.shop.ThreeTierShop;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's containers as the peers start them, read from the example's own objects so all contenders run the
 * same processes: each tier's image, command, environment (ConfigMap and Secret references resolved), port,
 * readiness path and replicas. Immutable.
 *
 * @param db      the StatefulSet's container (one replica, a volume at {@code /data})
 * @param migrate the Job's container (runs to completion)
 * @param api     the api Deployment's container
 * @param web     the web Deployment's container (plus the page file at {@code /site/index.html})
 * @param page    the ConfigMap's {@code index.html}, mounted into web at {@code /site}
 */
record ShopTopology(Tier db, Tier migrate, Tier api, Tier web, String page) {
    /** The namespace the objects are read in (irrelevant to the peers). */
    private static final String NS = "bench";

    /**
     * One tier.
     *
     * @param name          the service name (and network alias)
     * @param replicas      how many containers
     * @param image         the image
     * @param command       the command
     * @param env           the environment, resolved
     * @param port          the port it listens on (0 for the migration)
     * @param readinessPath the HTTP path that answers when ready ({@code null} for the migration)
     */
    record Tier(String name, int replicas, String image, List<String> command, Map<String, String> env, int port,
                String readinessPath) {

        /** The name, image, command and the environment's keys, never its values (one is a password). */
        @Override
        public String toString() {
            return "Tier[" + name + " x" + replicas + ", " + image + " " + command + ", env " + env.keySet() + "]";
        }
    }

    /** Reads the shop's definition. */
    static ShopTopology fromExample() {
        ConfigMap config = ThreeTierShop.config(NS);
        Secret secret = ThreeTierShop.secret(NS);
        Deployment api = ThreeTierShop.api(NS);
        Deployment web = ThreeTierShop.web(NS, "v1");
        Job migrate = ThreeTierShop.migrate(NS);
        return new ShopTopology(
                tier("db", 1, ThreeTierShop.db(NS).spec().template().spec(), config, secret),
                tier("migrate", 1, migrate.spec().template().spec(), config, secret),
                tier("api", api.spec().replicas(), api.spec().template().spec(), config, secret),
                tier("web", web.spec().replicas(), web.spec().template().spec(), config, secret),
                config.data().get("index.html"));
    }

    /** All the containers started, the migration included. */
    int containerCount() {
        return db.replicas() + migrate.replicas() + api.replicas() + web.replicas();
    }

    private static Tier tier(String name, int replicas, PodSpec spec, ConfigMap config, Secret secret) {
        Container c = spec.containers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : c.env()) {
            env.put(var.name(), value(var, config, secret));
        }
        boolean probed = c.readinessProbe() != null && c.readinessProbe().httpGet() != null;
        return new Tier(name, replicas, c.image(), c.command(), Map.copyOf(env),
                probed ? c.readinessProbe().httpGet().port().intValue() : 0,
                probed ? c.readinessProbe().httpGet().path() : null);
    }

    private static String value(EnvVar var, ConfigMap config, Secret secret) {
        if (var.valueFrom() == null) {
            return var.value();
        }
        if (var.valueFrom().configMapKeyRef() != null) {
            return config.data().get(var.valueFrom().configMapKeyRef().key());
        }
        return secret.decodedString(var.valueFrom().secretKeyRef().key());
    }
}

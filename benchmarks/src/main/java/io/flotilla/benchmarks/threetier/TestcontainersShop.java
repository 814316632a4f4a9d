package io.flotilla.benchmarks.threetier;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The shop as a Testcontainers 2 user writes it: one {@link GenericContainer} per replica on a {@link Network}, db
 * reachable by the network aliases {@code db-0.db} and {@code db}, its {@code /data} on a named volume, HTTP wait
 * strategies on the readiness paths, the migration a one-shot container that api containers {@code dependsOn}, and
 * everything started by one {@link Startables#deepStart} (which starts each dependency once, in parallel where the
 * graph allows). Needs the environment {@link io.flotilla.benchmarks.TestcontainersEnvironment} provides. Not thread-safe; used once.
 */
final class TestcontainersShop implements Contender {
    private final ShopTopology shop;
    private final Map<String, String> labels;
    private final String volume;
    private final List<GenericContainer<?>> containers = new ArrayList<>();
    private Network network;

    TestcontainersShop(ShopTopology shop, Map<String, String> labels, String runId) {
        this.shop = shop;
        this.labels = Map.copyOf(labels);
        this.volume = "tt-tc-data-" + runId;
    }

    @Override
    public String name() {
        return "Testcontainers 2.0.5";
    }

    @Override
    public void start() throws Exception {
        network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(labels)).build();
        GenericContainer<?> db = server(shop.db()).withNetworkAliases("db-0.db", "db")
                .withCreateContainerCmdModifier(cmd -> cmd.withHostConfig(cmd.getHostConfig()
                        .withBinds(new Bind(volume, new Volume("/data")))));
        GenericContainer<?> migrate = container(shop.migrate()).dependsOn(db)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy()
                        .withTimeout(ThreeTierStartBenchmark.TIMEOUT));
        containers.add(db);
        containers.add(migrate);
        for (int i = 0; i < shop.api().replicas(); i++) {
            containers.add(server(shop.api()).withNetworkAliases("api").dependsOn(migrate));
        }
        for (int i = 0; i < shop.web().replicas(); i++) {
            containers.add(server(shop.web()).withNetworkAliases("web")
                    .withCopyToContainer(Transferable.of(shop.page()), "/site/index.html"));
        }
        Startables.deepStart(containers).get(ThreeTierStartBenchmark.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private GenericContainer<?> container(ShopTopology.Tier tier) {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(tier.image()))
                .withCommand(tier.command().toArray(String[]::new)).withNetwork(network).withLabels(labels);
        tier.env().forEach(c::withEnv);
        return c;
    }

    private GenericContainer<?> server(ShopTopology.Tier tier) {
        return container(tier).withExposedPorts(tier.port())
                .waitingFor(Wait.forHttp(tier.readinessPath()).forPort(tier.port())
                        .withStartupTimeout(ThreeTierStartBenchmark.TIMEOUT));
    }

    @Override
    public void close() {
        for (GenericContainer<?> c : containers) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                System.err.println("three-tier: stopping a Testcontainers container failed (the sweep retries): " + e);
            }
        }
        if (network != null) {
            network.close();
        }
        Sweep.removeVolume(volume);
    }
}

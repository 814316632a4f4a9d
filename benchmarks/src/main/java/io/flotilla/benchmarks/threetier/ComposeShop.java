package io.flotilla.benchmarks.threetier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shop as a docker-compose 1.29 user writes it: a compose file (format 2.4, written to a temporary folder) with
 * {@code scale} for the replicas, a healthcheck per server (the readiness path, every second), db on a named
 * volume with the alias {@code db-0.db}, the migration {@code depends_on} db being healthy and api on the migration
 * having {@code service_completed_successfully}. {@code up -d} starts it in that order; since 1.29 has no
 * {@code --wait}, readiness is polled through the engine (every server healthy, the migration exited 0).
 * {@code down -v} after, untimed. Not thread-safe; used once.
 */
final class ComposeShop implements Contender {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ShopTopology shop;
    private final Map<String, String> labels;
    private final String project;
    private final DockerClient docker;
    private Path dir;

    ComposeShop(ShopTopology shop, Map<String, String> labels, String runId, DockerClient docker) {
        this.shop = shop;
        this.labels = Map.copyOf(labels);
        this.project = "tt" + runId.replace("-", "");
        this.docker = docker;
    }

    @Override
    public String name() {
        return "docker-compose 1.29";
    }

    @Override
    public void start() throws Exception {
        dir = Files.createTempDirectory("three-tier-compose-");
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("site/index.html"), shop.page());
        Files.writeString(dir.resolve("docker-compose.yml"), JSON.writeValueAsString(composeFile()));
        long deadline = System.nanoTime() + ThreeTierStartBenchmark.TIMEOUT.toNanos();
        compose("up", "-d");
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("compose project " + project + " not ready within "
                        + ThreeTierStartBenchmark.TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    private Map<String, Object> composeFile() {
        Map<String, Object> services = new LinkedHashMap<>();
        Map<String, Object> db = server(shop.db());
        db.put("volumes", List.of("data:/data"));
        db.put("networks", Map.of("default", Map.of("aliases", List.of("db-0.db"))));
        services.put("db", db);
        Map<String, Object> migrate = service(shop.migrate());
        migrate.put("depends_on", Map.of("db", Map.of("condition", "service_healthy")));
        services.put("migrate", migrate);
        Map<String, Object> api = server(shop.api());
        api.put("depends_on", Map.of("migrate", Map.of("condition", "service_completed_successfully")));
        services.put("api", api);
        Map<String, Object> web = server(shop.web());
        web.put("ports", List.of("127.0.0.1::" + shop.web().port()));
        web.put("volumes", List.of("./site:/site:ro"));
        services.put("web", web);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("version", "2.4");
        file.put("services", services);
        file.put("volumes", Map.of("data", Map.of("labels", labels)));
        return file;
    }

    private Map<String, Object> service(ShopTopology.Tier tier) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("image", tier.image());
        s.put("command", tier.command().stream().map(ComposeShop::escape).toList());
        Map<String, String> env = new LinkedHashMap<>();
        tier.env().forEach((k, v) -> env.put(k, escape(v)));
        s.put("environment", env);
        s.put("labels", labels);
        if (tier.replicas() > 1) {
            s.put("scale", tier.replicas());
        }
        return s;
    }

    private Map<String, Object> server(ShopTopology.Tier tier) {
        Map<String, Object> s = service(tier);
        s.put("healthcheck", Map.of("test", List.of("CMD", "wget", "-q", "-O", "/dev/null",
                "http://127.0.0.1:" + tier.port() + tier.readinessPath()),
                "interval", "1s", "timeout", "1s", "retries", 120));
        return s;
    }

    /** Compose interpolates {@code $VAR} in the file; the shell inside the container must see it instead. */
    private static String escape(String value) {
        return value.replace("$", "$$");
    }

    private boolean ready() {
        List<Container> found = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.compose.project", project)).exec();
        if (found.size() < shop.containerCount()) {
            return false;
        }
        for (Container c : found) {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(c.getId()).exec().getState();
            boolean done = "migrate".equals(c.getLabels().get("com.docker.compose.service"))
                    ? "exited".equals(state.getStatus()) && Long.valueOf(0).equals(state.getExitCodeLong())
                    : state.getHealth() != null && "healthy".equals(state.getHealth().getStatus());
            if (!done) {
                return false;
            }
        }
        return true;
    }

    private void compose(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", project, "-f",
                dir.resolve("docker-compose.yml").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(ThreeTierStartBenchmark.TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("docker-compose " + String.join(" ", args) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        if (dir == null) {
            return;
        }
        try {
            compose("down", "-v", "--timeout", "0");
        } catch (IOException | RuntimeException e) {
            System.err.println("three-tier: docker-compose down failed (the sweep retries): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Sweep.deleteTree(dir);
        }
    }
}

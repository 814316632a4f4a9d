package io.flotilla.benchmarks.network;

import io.flotilla.api.core.EndpointAddress;
import io.flotilla.api.core.EndpointPort;
import io.flotilla.api.core.EndpointSubset;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Service;
import io.flotilla.core.Cluster;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per second through the host proxy ({@code cluster.services().get("web").hostUrl()}, a selector-less
 * Service whose Endpoints name one local Vert.x HTTP backend) versus the same requests straight to that backend.
 * Clients are {@code java.net.http} clients on keep-alive connections, so the figure is the cost of forwarding
 * bytes, not of connecting. After 18 s of warm-up, rounds alternate direct and proxied; the ratio printed is the
 * median of the per-round ratios (pairs of adjacent rounds see the same machine load).
 *
 * <p>Usage: {@code HostProxyThroughput [clients] [seconds per round] [rounds]}; defaults 4, 3, 3.
 */
public final class HostProxyThroughput {
    private HostProxyThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Duration round = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 3);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Vertx vertx = Vertx.vertx();
        HttpServer backend = vertx.createHttpServer().requestHandler(r -> r.response().end("hello"))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (Cluster cluster = Cluster.builder().id("proxy-bench").start()) {
            cluster.apply(Service.named("web").port(80, backend.actualPort()).build());
            cluster.apply(Endpoints.named("web").subset(EndpointSubset.of(List.of(EndpointAddress.of("127.0.0.1")),
                    List.of(EndpointPort.of(backend.actualPort())))).build());
            URI direct = URI.create("http://127.0.0.1:" + backend.actualPort() + "/");
            URI proxied = URI.create(cluster.services().get("web").hostUrl() + "/");
            for (int i = 0; i < 3; i++) {
                rate(proxied, clients, Duration.ofSeconds(3));
                rate(direct, clients, Duration.ofSeconds(3));
            }
            List<Double> directRates = new ArrayList<>();
            List<Double> proxiedRates = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                directRates.add(rate(direct, clients, round));
                proxiedRates.add(rate(proxied, clients, round));
                ratios.add(proxiedRates.getLast() / directRates.getLast());
                System.out.printf("round %d: direct %.0f req/s, through host proxy %.0f req/s%n", i + 1,
                        directRates.getLast(), proxiedRates.getLast());
            }
            double d = median(directRates);
            double p = median(proxiedRates);
            System.out.printf("direct: %.0f req/s, host proxy: %.0f req/s (%d clients, keep-alive)%n", d, p, clients);
            System.out.printf("host proxy throughput ratio: %.2f%n", median(ratios));
        } finally {
            vertx.close();
        }
    }

    private static double rate(URI uri, int clients, Duration duration) throws InterruptedException {
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    HttpRequest request = HttpRequest.newBuilder(uri).build();
                    while (System.nanoTime() < end) {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            done.increment();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return done.sum() / (duration.toNanos() / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per second through the host proxy ({@code cluster.services().get("web").hostUrl()}, a selector-less
 * Service whose Endpoints name one local Vert.x HTTP backend) versus the same requests straight to that backend.
 * Clients are {@code java.net.http} clients on keep-alive connections, so the figure is the cost of forwarding
 * bytes, not of connecting. After 18 s of warm-up, rounds alternate direct and proxied; the ratio printed is the
 * median of the per-round ratios (pairs of adjacent rounds see the same machine load); each round also reports
 * its 99th-percentile request latency.
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
            List<Round> directRounds = new ArrayList<>();
            List<Round> proxiedRounds = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                directRounds.add(rate(direct, clients, round));
                proxiedRounds.add(rate(proxied, clients, round));
                ratios.add(proxiedRounds.getLast().rate() / directRounds.getLast().rate());
                System.out.printf("round %d: direct %.0f req/s (p99 %.2f ms), through host proxy %.0f req/s (p99 %.2f"
                        + " ms)%n", i + 1, directRounds.getLast().rate(), directRounds.getLast().p99Millis(),
                        proxiedRounds.getLast().rate(), proxiedRounds.getLast().p99Millis());
            }
            System.out.printf("direct: %.0f req/s, p99 %.2f ms; host proxy: %.0f req/s, p99 %.2f ms (%d clients,"
                    + " keep-alive; medians of the rounds)%n", median(directRounds.stream().map(Round::rate).toList()),
                    median(directRounds.stream().map(Round::p99Millis).toList()),
                    median(proxiedRounds.stream().map(Round::rate).toList()),
                    median(proxiedRounds.stream().map(Round::p99Millis).toList()), clients);
            System.out.printf("host proxy throughput ratio: %.2f%n", median(ratios));
        } finally {
            vertx.close();
        }
    }

    /** One round's requests per second and 99th-percentile request latency. */
    private record Round(double rate, double p99Millis) {
    }

    private static Round rate(URI uri, int clients, Duration duration) throws InterruptedException {
        LongAdder done = new LongAdder();
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                long[] mine = new long[1 << 20];
                int n = 0;
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    HttpRequest request = HttpRequest.newBuilder(uri).build();
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            done.increment();
                            if (n < mine.length) {
                                mine[n++] = System.nanoTime() - start;
                            }
                        }
                    }
                    latencies.add(Arrays.copyOf(mine, n));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double p99 = all.length == 0 ? Double.NaN : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6;
        return new Round(done.sum() / (duration.toNanos() / 1e9), p99);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

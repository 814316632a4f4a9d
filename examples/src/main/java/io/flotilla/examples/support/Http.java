package io.flotilla.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One HTTP/1.1 GET on a new connection (so a Service's host proxy balances each request anew), with a 3 s bound.
 * Stateless and thread-safe.
 */
public final class Http {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private Http() {
    }

    /**
     * The trimmed body of {@code url}.
     *
     * @throws IllegalStateException naming the URL and status if the answer is not 200
     * @throws UncheckedIOException  if the request fails or times out
     */
    public static String get(URI url) {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered HTTP " + response.statusCode());
            }
            return response.body().trim();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + url, e);
        }
    }
}

package io.flotilla.core.node;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP GET for probes against real pod IPs, over one Vert.x HTTP client created on first use and shared by every
 * agent of a cluster. Thread-safe; {@link #close()} releases Vert.x.
 */
final class HttpGetter implements AutoCloseable {
    private Vertx vertx;
    private HttpClientAgent client;

    /**
     * Sends {@code GET path} to {@code host:port} and waits for the status, at most {@code timeout} (real time).
     *
     * @return the status code
     * @throws Exception with a short message when the connection fails or times out
     */
    int get(String scheme, String host, int port, String path, Map<String, String> headers, Duration timeout)
            throws Exception {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                .setURI(path.isEmpty() ? "/" : path).setSsl("HTTPS".equalsIgnoreCase(scheme))
                .setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        try {
            return client().request(options)
                    .compose(request -> request.send())
                    .map(HttpClientResponse::statusCode)
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() + 100, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Exception(e.getCause() == null ? "request failed" : e.getCause().getMessage(), null);
        } catch (TimeoutException e) {
            throw new Exception("context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        }
    }

    private synchronized HttpClientAgent client() {
        if (client == null) {
            vertx = Vertx.vertx();
            client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setTrustAll(true)
                    .setVerifyHost(false));
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (vertx != null) {
            vertx.close();
            vertx = null;
            client = null;
        }
    }
}

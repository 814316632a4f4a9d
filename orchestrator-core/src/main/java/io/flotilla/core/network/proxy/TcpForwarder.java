package io.flotilla.core.network.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: the accepted socket is paused until a backend connection is up, then both directions are piped
 * (back-pressure included). Backends are asked for per connection, so a change of endpoints never touches a
 * connection already piped. A refused or failed connect moves on to the next backend of the same round.
 */
/**
 * Listens on a host address and port and forwards each TCP connection to one of the backends given by a supplier,
 * round robin, skipping backends that refuse. Thread-safe. Established connections last until either side closes
 * them or {@link #close()} stops the forwarder with its connections.
 */
public final class TcpForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpForwarder.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final NetServer server;
    private final NetClient client;
    private final Supplier<List<Backend>> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final String name;

    private TcpForwarder(Vertx vertx, Supplier<List<Backend>> backends, String name) {
        this.backends = backends;
        this.name = name;
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS));
        this.server = vertx.createNetServer().connectHandler(this::accept);
    }

    /**
     * Starts forwarding from {@code host}:{@code port} (0: a free port).
     *
     * @param name     what is forwarded, for logs (such as {@code default/web:80})
     * @param backends the current backends, asked once per connection; must be fast and thread-safe
     * @throws IllegalStateException if the address cannot be bound, naming it
     */
    public static TcpForwarder start(Vertx vertx, String host, int port, String name,
                                     Supplier<List<Backend>> backends) {
        Objects.requireNonNull(backends, "backends");
        TcpForwarder forwarder = new TcpForwarder(Objects.requireNonNull(vertx, "vertx"), backends, name);
        try {
            forwarder.server.listen(port, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            forwarder.client.close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " for " + name + ": "
                    + cause.getMessage(), cause);
        }
        return forwarder;
    }

    /** The port listened on. */
    public int port() {
        return server.actualPort();
    }

    private void accept(NetSocket socket) {
        socket.pause();
        List<Backend> candidates = backends.get();
        if (candidates.isEmpty()) {
            socket.close();
            return;
        }
        int start = Math.floorMod(next.getAndIncrement(), candidates.size());
        connect(socket, candidates, start, 0);
    }

    private void connect(NetSocket socket, List<Backend> candidates, int start, int tried) {
        if (tried == candidates.size()) {
            LOG.debug("{}: no endpoint accepted the connection", name);
            socket.close();
            return;
        }
        Backend backend = candidates.get((start + tried) % candidates.size());
        client.connect(backend.port(), backend.host()).onComplete(result -> {
            if (result.failed()) {
                connect(socket, candidates, start, tried + 1);
                return;
            }
            NetSocket upstream = result.result();
            upstream.pipeTo(socket);
            socket.pipeTo(upstream);
        });
    }

    /** Stops listening and closes the connections forwarded. Idempotent. */
    @Override
    public void close() {
        server.close();
        client.close();
    }
}

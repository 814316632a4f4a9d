package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.RuntimeVersion;
import io.flotilla.runtime.containerd.cri.Cri;
import io.flotilla.runtime.containerd.cri.ImageServiceGrpc;
import io.flotilla.runtime.containerd.cri.RuntimeServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One gRPC channel to a CRI socket (Netty's epoll transport over a unix domain socket) and the stubs of its two
 * services, each call bounded by a deadline. Opening checks the socket and the CRI version, so a wrong endpoint fails
 * at once with the fix. Thread-safe.
 */
public final class CriConnection implements AutoCloseable {
    /** The CRI API version this client speaks. */
    public static final String CRI_VERSION = "v1";

    private final CriEndpoint endpoint;
    private final CriErrors errors;
    private final EventLoopGroup group;
    private final ManagedChannel channel;
    private final Duration callTimeout;

    private CriConnection(CriEndpoint endpoint, Duration callTimeout) {
        this.endpoint = endpoint;
        this.errors = new CriErrors(endpoint.uri());
        this.callTimeout = callTimeout;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("flotilla-cri", true),
                EpollIoHandler.newFactory());
        this.channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(endpoint.socket().toString()))
                .eventLoopGroup(group)
                .channelType(EpollDomainSocketChannel.class)
                .withOption(ChannelOption.SO_KEEPALIVE, null) // a TCP option: unix sockets would log a warning
                .usePlaintext()
                .overrideAuthority("localhost")
                .maxInboundMessageSize(32 << 20)
                .build();
    }

    /**
     * Connects to {@code endpoint} and checks that it speaks CRI {@code runtime.v1}.
     *
     * @param callTimeout the deadline of ordinary calls
     * @return the connection and the runtime's version
     * @throws ContainerRuntimeException.Unavailable if there is no socket or nothing answers on it
     * @throws ContainerRuntimeException             if the socket is not a CRI runtime or speaks another version
     */
    public static Opened open(CriEndpoint endpoint, Duration callTimeout) {
        if (!Epoll.isAvailable()) {
            throw new ContainerRuntimeException(endpoint.uri(), "cannot dial the containerd socket: Netty's epoll "
                    + "transport is not available on this machine (Linux x86-64 only)", Epoll.unavailabilityCause());
        }
        if (!Files.exists(endpoint.socket())) {
            throw new ContainerRuntimeException.Unavailable(endpoint.uri(), "there is no socket at "
                    + endpoint.socket() + ": start containerd (as root: source scripts/lib/runtimes.sh && "
                    + "source scripts/lib/containerd.sh && ensure_containerd) or give the socket of a running containerd",
                    null);
        }
        CriConnection connection = new CriConnection(endpoint, callTimeout);
        try {
            return new Opened(connection, connection.checkVersion());
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A new connection and the version it reported. */
    public record Opened(CriConnection connection, RuntimeVersion version) {
    }

    private RuntimeVersion checkVersion() {
        Cri.VersionResponse response;
        try {
            response = runtime().withDeadlineAfter(Math.min(callTimeout.toMillis(), 10_000), TimeUnit.MILLISECONDS)
                    .version(Cri.VersionRequest.newBuilder().setVersion(CRI_VERSION).build());
        } catch (StatusRuntimeException e) {
            throw errors.translate(e, "the CRI Version call");
        }
        return checkedVersion(endpoint.uri(), response);
    }

    /**
     * The version in {@code response}, if it is CRI {@code v1}.
     *
     * @throws ContainerRuntimeException naming the version and the fix otherwise
     */
    static RuntimeVersion checkedVersion(String endpoint, Cri.VersionResponse response) {
        String api = response.getRuntimeApiVersion();
        if (!CRI_VERSION.equals(api) && !api.startsWith(CRI_VERSION + ".")) {
            throw new ContainerRuntimeException(endpoint, "the runtime " + response.getRuntimeName() + " "
                    + response.getRuntimeVersion() + " speaks CRI API version '" + api + "', but Flotilla needs "
                    + CRI_VERSION + " (runtime.v1): use containerd 1.6 or newer");
        }
        String name = response.getRuntimeName().isBlank() ? "unknown" : response.getRuntimeName();
        return new RuntimeVersion(name, response.getRuntimeVersion(), api);
    }

    /** The endpoint. */
    public CriEndpoint endpoint() {
        return endpoint;
    }

    /** The error translator of this endpoint. */
    public CriErrors errors() {
        return errors;
    }

    /** The runtime service with the ordinary deadline. */
    public RuntimeServiceGrpc.RuntimeServiceBlockingStub runtime() {
        return RuntimeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(callTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The runtime service with a deadline of {@code deadline}. */
    public RuntimeServiceGrpc.RuntimeServiceBlockingStub runtime(Duration deadline) {
        return RuntimeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The runtime service for streaming calls, without a deadline. */
    public RuntimeServiceGrpc.RuntimeServiceStub streaming() {
        return RuntimeServiceGrpc.newStub(channel);
    }

    /** The image service with a deadline of {@code deadline} (pulls take long). */
    public ImageServiceGrpc.ImageServiceBlockingStub images(Duration deadline) {
        return ImageServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The image service with the ordinary deadline. */
    public ImageServiceGrpc.ImageServiceBlockingStub images() {
        return images(callTimeout);
    }

    /** Closes the channel and its event loop. Idempotent. */
    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}

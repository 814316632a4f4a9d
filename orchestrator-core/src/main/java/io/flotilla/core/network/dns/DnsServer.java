package io.flotilla.core.network.dns;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Message;
import org.xbill.DNS.Flags;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Resolver;

/*
 * Design notes: one UDP socket and one TCP server on the same address and port, both answering through DnsZone
 * on the event loop (answers come from in-memory caches, so nothing blocks). UDP answers are truncated (TC) to 512
 * bytes or the client's EDNS payload size; TCP uses the two-byte length framing of RFC 1035. Names outside the
 * zone go to the upstream resolver, if any, asynchronously.
 */
/**
 * A DNS server over UDP and TCP on Vert.x sockets. Thread-safe; {@link #close()} is idempotent.
 */
public final class DnsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);
    private static final int UDP_LIMIT = 512;
    private static final int BIND_ATTEMPTS = 8;

    private final DnsZone zone;
    private final Resolver upstream;
    private final String host;
    private final DatagramSocket udp;
    private final NetServer tcp;

    private DnsServer(DnsZone zone, Resolver upstream, String host, DatagramSocket udp, NetServer tcp) {
        this.zone = zone;
        this.upstream = upstream;
        this.host = host;
        this.udp = udp;
        this.tcp = tcp;
    }

    /**
     * Starts a server answering from {@code zone} on {@code host}:{@code port} (UDP and TCP); port 0 picks a free
     * port usable by both. Names outside the zone are REFUSED.
     *
     * @throws IllegalStateException if the address cannot be bound (naming it)
     */
    public static DnsServer start(Vertx vertx, DnsZone zone, String host, int port) {
        return start(vertx, zone, null, host, port);
    }

    /**
     * Starts a server as {@link #start(Vertx, DnsZone, String, int)} does, forwarding names outside the zone to
     * {@code upstream} when it is not {@code null}.
     *
     * @throws IllegalStateException if the address cannot be bound (naming it)
     */
    public static DnsServer start(Vertx vertx, DnsZone zone, Resolver upstream, String host, int port) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(host, "host");
        Exception last = null;
        for (int attempt = 0; attempt < (port == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            NetServer tcp = null;
            try {
                tcp = await(vertx.createNetServer().connectHandler(s -> serveTcp(zone, upstream, s))
                        .listen(port, host));
                DatagramSocket udp = await(vertx.createDatagramSocket(new DatagramSocketOptions())
                        .listen(tcp.actualPort(), host));
                DnsServer server = new DnsServer(zone, upstream, host, udp, tcp);
                udp.handler(packet -> server.serveUdp(packet.data(), packet.sender().port(), packet.sender().host()));
                return server;
            } catch (Exception e) {
                last = e;
                if (tcp != null) {
                    tcp.close();
                }
            }
        }
        throw new IllegalStateException("cannot serve DNS on " + host + ":" + port + ": " + last.getMessage(), last);
    }

    /** The address the server listens on. */
    public String host() {
        return host;
    }

    /** The port the server listens on (UDP and TCP). */
    public int port() {
        return tcp.actualPort();
    }

    private void serveUdp(Buffer data, int port, String sender) {
        Message query;
        try {
            query = new Message(data.getBytes());
        } catch (IOException e) {
            return;
        }
        OPTRecord opt = query.getOPT();
        int limit = opt == null ? UDP_LIMIT : Math.max(UDP_LIMIT, opt.getPayloadSize());
        respond(zone, upstream, query, answer -> udp.send(Buffer.buffer(answer.toWire(limit)), port, sender));
    }

    private static void serveTcp(DnsZone zone, Resolver upstream, NetSocket socket) {
        RecordParser parser = RecordParser.newFixed(2);
        boolean[] readingLength = {true};
        parser.handler(chunk -> {
            if (readingLength[0]) {
                readingLength[0] = false;
                parser.fixedSizeMode(chunk.getUnsignedShort(0));
                return;
            }
            readingLength[0] = true;
            parser.fixedSizeMode(2);
            try {
                respond(zone, upstream, new Message(chunk.getBytes()), answer -> {
                    byte[] wire = answer.toWire();
                    socket.write(Buffer.buffer().appendUnsignedShort(wire.length).appendBytes(wire));
                });
            } catch (IOException e) {
                socket.close();
            }
        });
        socket.handler(parser);
    }

    /** Answers from the zone, or from upstream for a name outside it, then calls {@code reply}. */
    private static void respond(DnsZone zone, Resolver upstream, Message query, Consumer<Message> reply) {
        Message answer = answer(zone, query);
        if (answer.getRcode() != Rcode.REFUSED || upstream == null) {
            reply.accept(answer);
            return;
        }
        upstream.sendAsync(query).whenComplete((forwarded, error) -> reply.accept(
                forwarded != null ? forwarded : failure(query)));
    }

    private static Message failure(Message query) {
        Message failure = new Message(query.getHeader().getID());
        failure.getHeader().setFlag(Flags.QR);
        failure.getHeader().setRcode(Rcode.SERVFAIL);
        return failure;
    }

    private static Message answer(DnsZone zone, Message query) {
        try {
            return zone.answer(query);
        } catch (RuntimeException e) {
            LOG.warn("DNS query failed: {}", e.toString());
            return failure(query);
        }
    }

    /** Stops listening. Idempotent. */
    @Override
    public void close() {
        udp.close();
        tcp.close();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.runtime.containerd.cri.Cri;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriConnectionTest {
    private static final String ENDPOINT = "unix:///tmp/ctd/containerd.sock";

    @TempDir
    Path dir;

    @Test
    void acceptsCriV1() {
        assertThat(CriConnection.checkedVersion(ENDPOINT, Cri.VersionResponse.newBuilder()
                .setRuntimeName("containerd").setRuntimeVersion("1.6.20").setRuntimeApiVersion("v1").build())
                .describe()).isEqualTo("containerd://1.6.20");
    }

    @Test
    void rejectsOtherCriVersionsNamingTheFix() {
        assertThatThrownBy(() -> CriConnection.checkedVersion(ENDPOINT, Cri.VersionResponse.newBuilder()
                .setRuntimeName("containerd").setRuntimeVersion("1.4.0").setRuntimeApiVersion("v1alpha2").build()))
                .isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("'v1alpha2'").hasMessageContaining("containerd 1.6 or newer")
                .hasMessageContaining(ENDPOINT);
    }

    @Test
    void aMissingSocketIsUnavailableAndSaysHowToStartContainerd() {
        CriEndpoint endpoint = CriEndpoint.parse(dir.resolve("none.sock").toString());

        assertThatThrownBy(() -> CriConnection.open(endpoint, Duration.ofSeconds(2)))
                .isInstanceOf(ContainerRuntimeException.Unavailable.class)
                .hasMessageContaining("there is no socket at " + endpoint.socket())
                .hasMessageContaining("ensure_containerd")
                .hasMessageContaining(endpoint.uri());
    }

    @Test
    void aSocketThatIsNotCriFailsClearly() throws Exception {
        Path socket = dir.resolve("http.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread answering = Thread.ofVirtual().start(() -> answerLikeHttp(server));
            CriEndpoint endpoint = CriEndpoint.parse(socket.toString());

            assertThatThrownBy(() -> CriConnection.open(endpoint, Duration.ofSeconds(3)))
                    .isInstanceOf(ContainerRuntimeException.class)
                    .hasMessageContaining(endpoint.uri())
                    .hasMessageContaining("containerd's socket");
            answering.interrupt();
        }
    }

    /** Answers every connection like an HTTP/1.1 server that does not speak HTTP/2 (such as Docker's socket). */
    private static void answerLikeHttp(ServerSocketChannel server) {
        while (!Thread.currentThread().isInterrupted()) {
            try (SocketChannel client = server.accept()) {
                client.read(ByteBuffer.allocate(4096));
                client.write(ByteBuffer.wrap(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close"
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                return;
            }
        }
    }
}

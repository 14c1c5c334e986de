package dev.tollgate.session.jwks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.session.internal.http.UrlConnectionExchange;
import dev.tollgate.testkit.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What only a hand-rolled HTTP peer can show: redirects, request headers, a body that stalls half-way. */
class UrlConnectionFetchTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private ServerSocket server;
    private volatile String requestHead;

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    /** Answers one connection with {@code head}, then {@code body}, then holds the socket until the test ends. */
    private URI serveOnce(String head, String body) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(
                () -> {
                    try (Socket s = server.accept()) {
                        requestHead = readHead(s.getInputStream());
                        OutputStream out = s.getOutputStream();
                        out.write((head + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        release.await(10, TimeUnit.SECONDS);
                    } catch (IOException | InterruptedException ignored) {
                        // the test is over
                    }
                },
                "jwks-raw-peer");
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/.well-known/jwks.json");
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return sb.toString();
    }

    private static JwksFetcher fetcher(long requestTimeoutMillis) {
        return new ExchangeJwksFetcher(
                new UrlConnectionExchange(Duration.ofSeconds(1), Duration.ofMillis(requestTimeoutMillis)));
    }

    @Test
    void readsA200DocumentAndAsksForJson() throws Exception {
        String doc = SigningKey.jwks("d-1");
        URI uri = serveOnce(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
                        + doc.getBytes(StandardCharsets.UTF_8).length,
                doc);
        assertThat(new String(fetcher(2_000).get(uri), StandardCharsets.UTF_8)).isEqualTo(doc);
        assertThat(requestHead)
                .startsWith("GET /.well-known/jwks.json HTTP/1.1\r\n")
                .containsIgnoringCase("\r\naccept: application/json\r\n");
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        URI uri = serveOnce("HTTP/1.1 302 Found\r\nlocation: http://127.0.0.1:1/elsewhere\r\ncontent-length: 0", "");
        assertThatThrownBy(() -> fetcher(2_000).get(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answered HTTP 302");
    }

    @Test
    void aBodyThatStallsHalfWayTimesOut() throws Exception {
        URI uri = serveOnce("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000", "{\"keys\":[");
        assertThatThrownBy(() -> fetcher(300).get(uri)).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void headersThatNeverComeTimeOut() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(
                () -> {
                    try (Socket s = server.accept()) {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (IOException | InterruptedException ignored) {
                        // the test is over
                    }
                },
                "jwks-silent-peer");
        t.setDaemon(true);
        t.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/.well-known/jwks.json");
        assertThatThrownBy(() -> fetcher(300).get(uri)).isInstanceOf(SocketTimeoutException.class);
    }
}

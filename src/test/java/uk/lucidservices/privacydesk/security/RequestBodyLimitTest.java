package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/** A body larger than the desk takes is refused before it is read, whoever sends it. */
class RequestBodyLimitTest extends DeskIntegrationTest {

    private static final String UPLOAD = "/api/erasure-requests/ERA-2026-000001/by-hand/social-media/evidence";

    @LocalServerPort
    int port;

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedWith413BeforeAnyByteOfItIsSent() throws Exception {
        // 4 GB declared, nothing sent: the answer must come without the desk waiting for (or reading) the body.
        String answer = headersOnly("POST", UPLOAD, 4L * 1024 * 1024 * 1024);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("\"error\":\"too_large\"").contains("20 MB");
    }

    @Test
    void aBodyJustOverTheLimitIsRefusedAndOneWithinItGoesOnToTheUsualChecks() throws Exception {
        assertThat(headersOnly("POST", UPLOAD, 20L * 1024 * 1024 + 64 * 1024 + 1))
                .startsWith("HTTP/1.1 413");
        // Within the limit the request reaches authentication: no credentials, so 401.
        assertThat(exchange("POST", UPLOAD, new byte[1024])).startsWith("HTTP/1.1 401");
    }

    private String headersOnly(String method, String path, long declaredLength) throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, declaredLength).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAll(socket);
        }
    }

    private String exchange(String method, String path, byte[] body) throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readAll(socket);
        }
    }

    private Socket connect() throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private String head(String method, String path, long length) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length
                + "\r\n\r\n";
    }

    /**
     * The answer as far as it came: to the end of the stream, or until the server, having answered,
     * sends nothing more for a second (it may keep the connection while the client still owes a body).
     */
    private static String readAll(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
                socket.setSoTimeout(1_000);
            }
        } catch (SocketException | SocketTimeoutException answered) {
            if (all.size() == 0) {
                throw answered;
            }
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}

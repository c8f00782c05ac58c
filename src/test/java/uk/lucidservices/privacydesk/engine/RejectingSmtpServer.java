package uk.lucidservices.privacydesk.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that refuses every recipient the way real ones do, quoting the address
 * ("550 5.1.1 <someone@example.com>: Recipient address rejected"). GreenMail accepts every
 * recipient, so this is the one way to make a real SMTP conversation fail with an address in it.
 */
final class RejectingSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger refused = new AtomicInteger();

    RejectingSmtpServer() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "rejecting-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int refusedRecipients() {
        return refused.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept();
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
                reply(out, "220 reject.example ESMTP");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command = line.toUpperCase(Locale.ROOT);
                    if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                        reply(out, "250 reject.example");
                    } else if (command.startsWith("RCPT")) {
                        refused.incrementAndGet();
                        reply(
                                out,
                                "550 5.1.1 " + line.substring(line.indexOf('<'))
                                        + ": Recipient address rejected: User unknown");
                    } else if (command.startsWith("QUIT")) {
                        reply(out, "221 2.0.0 Bye");
                        break;
                    } else {
                        reply(out, "250 2.0.0 Ok");
                    }
                }
            } catch (IOException e) {
                // closed, or the client hung up: wait for the next one
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

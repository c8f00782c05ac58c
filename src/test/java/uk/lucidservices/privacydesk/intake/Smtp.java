package uk.lucidservices.privacydesk.intake;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal SMTP client that sends a raw mail exactly as given (dot-stuffed), so tests deliver
 * malformed MIME and odd charsets the way a remote mail server would, over real SMTP.
 */
public final class Smtp {

    private Smtp() {}

    public static void send(int port, String envelopeFrom, String recipient, byte[] raw) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO tests.example.com", "250");
            command(out, in, "MAIL FROM:<" + (envelopeFrom == null ? "" : envelopeFrom) + ">", "250");
            command(out, in, "RCPT TO:<" + recipient + ">", "250");
            command(out, in, "DATA", "354");
            out.write(dotStuffed(raw));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250");
            command(out, in, "QUIT", "221");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] dotStuffed(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 1024);
        boolean lineStart = true;
        for (byte b : raw) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("SMTP server closed the connection, expected " + code);
            }
            if (!line.startsWith(code)) {
                throw new IOException("SMTP: expected " + code + " but got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}

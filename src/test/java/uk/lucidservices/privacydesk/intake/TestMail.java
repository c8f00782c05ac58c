package uk.lucidservices.privacydesk.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Builds raw mails the way people's mail programs write them, byte for byte, so tests can send
 * exactly the MIME they mean (including broken MIME) through real SMTP.
 */
public final class TestMail {

    private final List<String> headers = new ArrayList<>();
    private String from;
    private String to = "privacy@lucidservices.uk";
    private String subject = "";
    private String messageId = "<" + UUID.randomUUID() + "@mail.example.com>";
    private String body = "";
    private String contentType = "text/plain; charset=UTF-8";
    private String transferEncoding = "8bit";
    private byte[] bodyBytes;
    private final List<String[]> attachments = new ArrayList<>();
    private String rawBody;

    private TestMail(String from) {
        this.from = from;
    }

    /** A mail from a new, unique person (so tests never see each other's mail). */
    public static TestMail from(String name) {
        String local = name.toLowerCase().replaceAll("[^a-z]+", ".") + "."
                + UUID.randomUUID().toString().substring(0, 8);
        return new TestMail(name + " <" + local + "@example.com>");
    }

    public static TestMail fromHeader(String fromHeader) {
        return new TestMail(fromHeader);
    }

    public String fromHeader() {
        return from;
    }

    /** The bare address of the sender. */
    public String address() {
        int lt = from.indexOf('<');
        return lt >= 0 ? from.substring(lt + 1, from.indexOf('>')) : from.trim();
    }

    public String messageId() {
        return messageId;
    }

    public TestMail subject(String subject) {
        this.subject = subject;
        return this;
    }

    public TestMail to(String to) {
        this.to = to;
        return this;
    }

    public TestMail messageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    public TestMail withoutFrom() {
        this.from = null;
        return this;
    }

    public TestMail header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    public TestMail text(String text) {
        this.body = text;
        this.contentType = "text/plain; charset=UTF-8";
        this.transferEncoding = "8bit";
        return this;
    }

    public TestMail html(String html) {
        this.body = html;
        this.contentType = "text/html; charset=UTF-8";
        this.transferEncoding = "8bit";
        return this;
    }

    /** A body in another charset, sent as 8-bit bytes of that charset. */
    public TestMail text(String text, Charset charset) {
        this.bodyBytes = text.getBytes(charset);
        this.contentType = "text/plain; charset=" + charset.name();
        this.transferEncoding = "8bit";
        return this;
    }

    public TestMail base64Text(String text) {
        this.body = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        this.contentType = "text/plain; charset=UTF-8";
        this.transferEncoding = "base64";
        return this;
    }

    public TestMail attach(String fileName, String contentType, byte[] content) {
        attachments.add(
                new String[] {fileName, contentType, Base64.getMimeEncoder().encodeToString(content)});
        return this;
    }

    /** Replaces everything after the headers, and the Content-Type, with exactly this. */
    public TestMail rawBody(String contentType, String rawBody) {
        this.contentType = contentType;
        this.rawBody = rawBody;
        return this;
    }

    public byte[] bytes() {
        StringBuilder head = new StringBuilder();
        if (from != null) {
            head.append("From: ").append(from).append("\r\n");
        }
        head.append("To: ").append(to).append("\r\n");
        head.append("Subject: ").append(subject).append("\r\n");
        head.append("Date: Tue, 3 Mar 2026 10:15:00 +0000\r\n");
        if (messageId != null) {
            head.append("Message-ID: ").append(messageId).append("\r\n");
        }
        head.append("MIME-Version: 1.0\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (rawBody != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n\r\n").append(rawBody);
            return head.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (attachments.isEmpty()) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
            head.append("Content-Transfer-Encoding: ").append(transferEncoding).append("\r\n\r\n");
            return concat(head.toString().getBytes(StandardCharsets.UTF_8), content());
        }
        String boundary = "=_part_" + UUID.randomUUID();
        head.append("Content-Type: multipart/mixed; boundary=\"")
                .append(boundary)
                .append("\"\r\n\r\n");
        head.append("--").append(boundary).append("\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        head.append("Content-Transfer-Encoding: ").append(transferEncoding).append("\r\n\r\n");
        byte[] start = concat(head.toString().getBytes(StandardCharsets.UTF_8), content());
        StringBuilder rest = new StringBuilder("\r\n");
        for (String[] a : attachments) {
            rest.append("--").append(boundary).append("\r\n");
            rest.append("Content-Type: ")
                    .append(a[1])
                    .append("; name=\"")
                    .append(a[0])
                    .append("\"\r\n");
            rest.append("Content-Disposition: attachment; filename=\"")
                    .append(a[0])
                    .append("\"\r\n");
            rest.append("Content-Transfer-Encoding: base64\r\n\r\n")
                    .append(a[2])
                    .append("\r\n");
        }
        rest.append("--").append(boundary).append("--\r\n");
        return concat(start, rest.toString().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] content() {
        return bodyBytes != null
                ? bodyBytes
                : body.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

package uk.lucidservices.privacydesk.intake;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw mail into an {@link IncomingMail}: sender, subject, body as text in any common
 * charset or transfer encoding (plain or HTML-only), attachments, and the Message-IDs it
 * answers. A mail that cannot be read in full comes back with a problem, never an exception.
 */
class MailParser {

    private static final Session SESSION = session();
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_KEY_LENGTH = 500;
    private static final int MAX_DEPTH = 12;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public IncomingMail parse(RawMail raw) {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw.content()));
        } catch (MessagingException e) {
            return unreadable(raw, "malformed mail: the headers cannot be read");
        }
        Map<String, List<String>> headers = headers(message);
        String messageId = first(headers, "message-id");
        messageId = messageId == null || messageId.isBlank() ? null : messageId.trim();
        InternetAddress from = from(first(headers, "from"));
        String subject = subject(message);
        Instant sentAt = sentAt(message);
        String contentType = first(headers, "content-type");
        List<String> referenced = referencedIds(headers);

        Body body = new Body();
        String problem = null;
        if (!raw.complete()) {
            problem = "too large";
        } else {
            try {
                walk(message, body, 0);
            } catch (MessagingException | IOException | RuntimeException e) {
                problem = "malformed MIME: " + describe(e);
            }
        }
        String text = body.plain.isEmpty() || body.plain.toString().isBlank()
                ? (body.html.isEmpty() ? "" : MailText.fromHtml(body.html.toString()))
                : body.plain.toString();
        return new IncomingMail(
                raw,
                messageId,
                messageKey(messageId, headers, raw.content()),
                from == null ? null : from.getAddress().trim(),
                from == null ? null : name(from),
                subject,
                sentAt,
                headers,
                contentType,
                text,
                List.copyOf(body.attachments),
                referenced,
                problem);
    }

    private IncomingMail unreadable(RawMail raw, String problem) {
        return new IncomingMail(
                raw,
                null,
                "sha256:" + sha256(raw.content()),
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                "",
                List.of(),
                List.of(),
                problem);
    }

    private static final class Body {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<MailAttachment> attachments = new ArrayList<>();
    }

    private void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MessagingException("parts nested too deep");
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new MessagingException("multipart without parts");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body, depth + 1);
            }
            return;
        }
        String fileName = fileName(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attached && part.isMimeType("text/plain")) {
            append(body.plain, decode(part));
        } else if (!attached && part.isMimeType("text/html")) {
            append(body.html, decode(part));
        } else {
            byte[] content;
            try (var in = part.getInputStream()) {
                content = in.readAllBytes();
            }
            body.attachments.add(new MailAttachment(fileName, baseType(part.getContentType()), content));
        }
    }

    private static void append(StringBuilder to, String text) {
        if (!to.isEmpty()) {
            to.append("\n\n");
        }
        to.append(text);
    }

    /** A text part in its declared charset; a missing or unknown one falls back to UTF-8, then Windows-1252. */
    private static String decode(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (var in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String declared = null;
        try {
            declared = new ContentType(part.getContentType()).getParameter("charset");
        } catch (ParseException ignored) {
            // An unreadable Content-Type still has a body worth reading.
        }
        Charset charset = charset(declared);
        return charset != null ? new String(bytes, charset) : utf8OrWindows1252(bytes);
    }

    static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = MimeUtility.javaCharset(declared.trim().replace("\"", ""));
        try {
            Charset charset = Charset.forName(name);
            // Mail clients label Windows-1252 text as Latin-1 or ASCII; 1252 is their superset and reads both right.
            if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
                return WINDOWS_1252;
            }
            return charset;
        } catch (RuntimeException unknownCharset) {
            return null;
        }
    }

    private static String utf8OrWindows1252(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            return name.contains("=?") ? MimeUtility.decodeText(name) : name;
        } catch (MessagingException | UnsupportedEncodingException e) {
            return "attachment";
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return "application/octet-stream";
        }
    }

    private static Map<String, List<String>> headers(MimeMessage message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        try {
            for (Header header : Collections.list(message.getAllHeaders())) {
                headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(MimeUtility.unfold(header.getValue() == null ? "" : header.getValue())
                                .trim());
            }
        } catch (MessagingException e) {
            // No headers: the mail will be quarantined for having no sender.
        }
        return headers;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static InternetAddress from(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                String a = address.getAddress();
                if (a != null && a.indexOf('@') > 0 && a.indexOf('@') < a.length() - 1 && !a.contains(" ")) {
                    return address;
                }
            }
        } catch (AddressException e) {
            return null;
        }
        return null;
    }

    private static String name(InternetAddress from) {
        String personal = from.getPersonal();
        if (personal == null) {
            return null;
        }
        personal = personal.replace("\"", "").trim();
        return personal.isEmpty() || personal.equalsIgnoreCase(from.getAddress()) ? null : personal;
    }

    private static String subject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? null : subject.replaceAll("\\s+", " ").trim();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static List<String> referencedIds(Map<String, List<String>> headers) {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("in-reply-to", "references")) {
            for (String value : headers.getOrDefault(name, List.of())) {
                Matcher m = MESSAGE_ID.matcher(value);
                while (m.find() && ids.size() < 50) {
                    if (!ids.contains(m.group())) {
                        ids.add(m.group());
                    }
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * What identifies a message across deliveries: its Message-ID, or when it has none a hash of
     * the sender, recipients, date, subject and body (not the trace headers each delivery adds).
     */
    static String messageKey(String messageId, Map<String, List<String>> headers, byte[] raw) {
        if (messageId != null) {
            return messageId.length() <= MAX_KEY_LENGTH
                    ? messageId
                    : "sha256:" + sha256(messageId.getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder identity = new StringBuilder();
        for (String name : List.of("from", "to", "cc", "date", "subject")) {
            identity.append(name)
                    .append(':')
                    .append(String.join(",", headers.getOrDefault(name, List.of())))
                    .append('\n');
        }
        byte[] head = identity.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = body(raw);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return "sha256:" + sha256(all);
    }

    private static byte[] body(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n'
                    && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                int start = raw[i + 1] == '\n' ? i + 2 : i + 3;
                byte[] body = new byte[raw.length - start];
                System.arraycopy(raw, start, body, 0, body.length);
                return body;
            }
        }
        return new byte[0];
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a mail could not be read, without quoting it. */
    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null || message.length() > 80 || message.contains("@")) {
            return e.getClass().getSimpleName();
        }
        return message;
    }

    private static Session session() {
        Properties properties = new Properties();
        // Be lenient with what people's mail programs write, strict about what cannot be decoded.
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.base64.ignoreerrors", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        return Session.getInstance(properties);
    }
}

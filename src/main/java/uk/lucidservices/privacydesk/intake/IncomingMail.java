package uk.lucidservices.privacydesk.intake;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mail read and decoded: who sent it, what it says (as text, whatever its charset or HTML) and
 * what came with it. {@code problem} says why it could not be read in full (malformed MIME, too
 * large); such a mail is quarantined rather than dropped.
 */
record IncomingMail(
        RawMail raw,
        String messageId,
        String messageKey,
        String fromAddress,
        String fromName,
        String subject,
        Instant sentAt,
        Map<String, List<String>> headers,
        String contentType,
        String text,
        List<MailAttachment> attachments,
        List<String> referencedMessageIds,
        String problem) {

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean hasHeader(String name) {
        return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public Instant receivedAt() {
        return raw.arrivedAt();
    }
}

package uk.lucidservices.privacydesk.intake;

import java.time.Instant;

/**
 * A mail as it came from the mailbox: the whole message, or only its headers when it is larger
 * than the intake accepts.
 *
 * @param content   the message (or just its header block when {@code complete} is false)
 * @param complete  whether content is the whole message
 * @param size      the message's size on the server
 * @param arrivedAt when the mail server received it (IMAP INTERNALDATE): the request's day of receipt
 */
record RawMail(byte[] content, boolean complete, long size, Instant arrivedAt) {

    public static RawMail of(byte[] content, Instant arrivedAt) {
        return new RawMail(content, true, content.length, arrivedAt);
    }

    public static RawMail headersOnly(byte[] headers, long size, Instant arrivedAt) {
        return new RawMail(headers, false, size, arrivedAt);
    }
}

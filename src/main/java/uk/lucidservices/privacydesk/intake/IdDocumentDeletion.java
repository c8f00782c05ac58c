package uk.lucidservices.privacydesk.intake;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.IdDocuments;

/**
 * Deletes a request's ID documents as soon as its identity is decided, from every place the desk
 * keeps them: the attachment files in the file store (the log keeps only type, size and SHA-256),
 * the raw copy of each mail that carried one (rewritten without its attachments, so the officer can
 * still read the text), and the mail itself in the mailbox's processed folder (expunged; if the
 * mailbox cannot be reached the raw mail's retention expunges it later, and the log says so).
 */
@Component
class IdDocumentDeletion implements IdDocuments {

    private static final Logger log = LoggerFactory.getLogger(IdDocumentDeletion.class);

    private final IntakeLog intakeLog;
    private final FileStore files;
    private final MailboxPoller mailbox;
    private final Clock clock;

    IdDocumentDeletion(IntakeLog intakeLog, FileStore files, MailboxPoller mailbox, Clock clock) {
        this.intakeLog = intakeLog;
        this.files = files;
        this.mailbox = mailbox;
        this.clock = clock;
    }

    @Override
    public int deleteAfterDecision(long requestId) {
        List<IntakeLog.Attachment> attachments = intakeLog.attachmentsOfRequest(requestId);
        List<Long> deleted = new ArrayList<>();
        Set<Long> mails = new LinkedHashSet<>();
        Set<Long> affected = new LinkedHashSet<>();
        for (IntakeLog.Attachment a : attachments) {
            if (a.storedPath() != null) {
                files.delete(a.storedPath());
                deleted.add(a.id());
                affected.add(a.intakeId());
            }
            mails.add(a.intakeId());
        }
        intakeLog.attachmentFilesDeleted(deleted);
        Set<String> messageIds = new LinkedHashSet<>();
        List<Long> withMessageId = new ArrayList<>();
        for (long intakeId : mails) {
            IntakeLog.Entry entry = intakeLog.find(intakeId).orElse(null);
            if (entry == null) {
                continue;
            }
            if (entry.rawFile() != null && files.exists(entry.rawFile()) && strip(entry.rawFile())) {
                affected.add(intakeId);
            }
            if (entry.messageId() != null && affected.contains(intakeId)) {
                messageIds.add(entry.messageId());
                withMessageId.add(intakeId);
            }
        }
        expunge(requestId, messageIds, withMessageId);
        return affected.size();
    }

    /** Rewrites a kept raw mail without its attachments; answers whether there was one to remove. */
    private boolean strip(String rawFile) {
        try {
            byte[] raw = Files.readAllBytes(files.resolve(rawFile));
            MimeMessage message = new KeepMessageId(raw);
            Object content = message.getContent();
            if (!(content instanceof Multipart multipart) || !removeAttachments(multipart)) {
                return false;
            }
            message.setContent(multipart);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
            message.writeTo(out);
            files.write(rawFile, out.toByteArray());
            return true;
        } catch (IOException | MessagingException e) {
            // Unreadable as MIME: keep nothing that might hold the document.
            files.write(
                    rawFile,
                    "The mail could not be read again; it was removed with its ID documents.\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            return true;
        }
    }

    private static boolean removeAttachments(Multipart multipart) throws MessagingException, IOException {
        boolean removed = false;
        for (int i = multipart.getCount() - 1; i >= 0; i--) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("multipart/*")) {
                removed |= removeAttachments((Multipart) part.getContent());
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    || part.getFileName() != null
                    || !part.isMimeType("text/*")) {
                multipart.removeBodyPart(i);
                removed = true;
            }
        }
        if (removed) {
            MimeBodyPart note = new MimeBodyPart();
            note.setText("[An attachment (ID document) was deleted here when the identity decision was recorded.]");
            multipart.addBodyPart(note);
        }
        return removed;
    }

    private void expunge(long requestId, Set<String> messageIds, List<Long> intakeIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        try {
            mailbox.expungeProcessed(messageIds);
            intakeLog.processedMailExpunged(intakeIds, Instant.now(clock).atOffset(ZoneOffset.UTC));
        } catch (MessagingException | RuntimeException e) {
            log.warn(
                    "Request #{}: the mails with ID documents could not be expunged from the processed folder now ({});"
                            + " the raw mail's retention expunges them",
                    requestId,
                    e.getClass().getSimpleName());
        }
    }

    /** A re-saved mail keeps its Message-ID, by which the log and the mailbox know it. */
    private static final class KeepMessageId extends MimeMessage {
        KeepMessageId(byte[] raw) throws MessagingException {
            super(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        }

        @Override
        protected void updateMessageID() {
            // keep the original
        }
    }
}

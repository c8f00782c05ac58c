package uk.lucidservices.privacydesk.intake;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.lucidservices.privacydesk.request.NeedToKnow;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * A mail as the intake kept it, for the person who triages it (the link in the triage form): who
 * sent it, its outcome, its text and its attachments. Plain text, so nothing in a mail can run in
 * the officer's browser. Need to know ({@link NeedToKnow}): mail of a complaint, its attachments
 * and complainants' replies are for complaint handlers and managers; other mail for privacy
 * officers and managers. Ids are sequential, so the other team gets 404, as for no mail at all.
 */
@RestController
@RequestMapping("/api/intake/mails")
class IntakeController {

    private static final int MAX_RAW_SHOWN = 200_000;

    private final IntakeLog log;
    private final StoredMails mails;
    private final CurrentStaff staff;
    private final NeedToKnow needToKnow;

    public IntakeController(IntakeLog log, StoredMails mails, CurrentStaff staff, NeedToKnow needToKnow) {
        this.log = log;
        this.mails = mails;
        this.staff = staff;
        this.needToKnow = needToKnow;
    }

    @GetMapping(value = "/{id}", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> mail(@PathVariable long id) {
        IntakeLog.Entry entry = entry(id);
        StringBuilder page = new StringBuilder();
        page.append("Intake #").append(entry.id()).append(": ").append(entry.outcome());
        if (entry.reason() != null) {
            page.append(" (").append(entry.reason()).append(')');
        }
        page.append("\nArrived:  ")
                .append(entry.arrivedAt() != null ? entry.arrivedAt() : entry.readAt())
                .append("\nFrom:     ")
                .append(entry.senderName() != null ? entry.senderName() + " " : "")
                .append(entry.senderAddress() != null ? "<" + entry.senderAddress() + ">" : "(no sender address)")
                .append("\nSubject:  ")
                .append(entry.subject() != null ? entry.subject() : "")
                .append("\nPhones:   ")
                .append(String.join(", ", entry.senderPhones()))
                .append("\nAccount:  ")
                .append(entry.accountNumber() != null ? entry.accountNumber() : "")
                .append("\nRequest:  ")
                .append(entry.requestReference() != null ? entry.requestReference() : "");
        if (entry.resolution() != null) {
            page.append("\nDecided:  ")
                    .append(entry.resolution())
                    .append(" (")
                    .append(entry.resolutionReason())
                    .append(") by ")
                    .append(entry.resolvedBy())
                    .append(" at ")
                    .append(entry.resolvedAt());
        }
        page.append("\n\nAttachments:");
        for (IntakeLog.Attachment a : log.attachments(id)) {
            page.append("\n  ")
                    .append(a.fileName() != null ? a.fileName() : "(no name)")
                    .append(", ")
                    .append(a.contentType())
                    .append(", ")
                    .append(a.sizeBytes() / 1024)
                    .append(" KB: ")
                    .append(
                            a.storedPath() != null
                                    ? "kept, /api/intake/mails/" + id + "/attachments/" + a.id()
                                    : "refused, " + a.refusedReason());
        }
        Optional<IncomingMail> mail = mails.read(entry);
        page.append("\n\n----------------------------------------------------------------------\n");
        if (mail.isEmpty()) {
            page.append("(The mail's content was not kept.)");
        } else if (mail.get().problem() == null && !mail.get().text().isBlank()) {
            page.append(mail.get().text());
        } else {
            byte[] raw = mails.raw(entry).orElse(new byte[0]);
            page.append("The mail could not be decoded (")
                    .append(mail.get().problem() != null ? mail.get().problem() : "no text")
                    .append("); its source follows.\n\n")
                    .append(new String(raw, 0, Math.min(raw.length, MAX_RAW_SHOWN), StandardCharsets.ISO_8859_1));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff")
                .body(page.toString());
    }

    /** The same mail as data, for the triage form in Tasklist; the text stays plain text the form never runs. */
    public record MailView(
            long intakeId,
            String outcome,
            String reason,
            OffsetDateTime arrivedAt,
            String senderName,
            String senderAddress,
            String subject,
            String requestReference,
            String text,
            List<AttachmentView> attachments) {}

    public record AttachmentView(String fileName, String contentType, long sizeKb, String link, String refusedReason) {}

    @GetMapping("/{id}/details")
    public MailView mailAsData(@PathVariable long id) {
        IntakeLog.Entry entry = entry(id);
        List<AttachmentView> attachments = log.attachments(id).stream()
                .map(a -> new AttachmentView(
                        a.fileName() != null ? a.fileName() : "(no name)",
                        a.contentType(),
                        a.sizeBytes() / 1024,
                        a.storedPath() != null ? "/api/intake/mails/" + id + "/attachments/" + a.id() : null,
                        a.refusedReason()))
                .toList();
        Optional<IncomingMail> mail = mails.read(entry);
        String text = mail.isEmpty()
                ? "(The mail's content was not kept.)"
                : mail.get().problem() == null && !mail.get().text().isBlank()
                        ? mail.get().text()
                        : "(The mail could not be decoded: its source is on the plain-text page of this mail.)";
        return new MailView(
                entry.id(),
                String.valueOf(entry.outcome()),
                entry.reason(),
                entry.arrivedAt() != null ? entry.arrivedAt() : entry.readAt(),
                entry.senderName(),
                entry.senderAddress(),
                entry.subject(),
                entry.requestReference(),
                text,
                attachments);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    public ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        entry(id);
        IntakeLog.Attachment attachment = log.attachments(id).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow(() -> notFound("No attachment " + attachmentId + " on intake entry #" + id));
        byte[] content = mails.attachment(attachment)
                .orElseThrow(
                        () -> notFound("Attachment " + attachmentId + " on intake entry #" + id + " was not kept"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        attachment.fileName() != null ? attachment.fileName() : "attachment",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** The entry, when the signed-in user's team may read it; otherwise 404, the same as for no entry. */
    private IntakeLog.Entry entry(long id) {
        staff.requireAnyGroup(DeskGroups.WORKING_GROUPS.toArray(String[]::new));
        return log.find(id)
                .filter(entry -> needToKnow.mayKnow(entry.requestType()))
                .orElseThrow(() -> notFound("No intake entry #" + id));
    }

    private static ResponseStatusException notFound(String message) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
    }
}

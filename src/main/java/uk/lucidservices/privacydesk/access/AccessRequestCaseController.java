package uk.lucidservices.privacydesk.access;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestMails;
import uk.lucidservices.privacydesk.request.RequestNotFoundException;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * The case file a privacy officer reads while working a subject access request in Tasklist (the
 * tasks' forms link it): who asked and how, in their words, the identifiers and which are verified,
 * the customer accounts the contact details match, the mails the intake read for it, the triage
 * notes and what happened so far. {@code GET /api/access-requests/{reference}}, privacy officers and
 * managers only. The personal data stays in the register; this only shows it.
 */
@RestController
class AccessRequestCaseController {

    private final RequestRegister register;
    private final CustomerMatches matches;
    private final CurrentStaff staff;
    private final RequestMails mails;
    private final TriageNotes notes;

    public AccessRequestCaseController(
            RequestRegister register,
            CustomerMatches matches,
            CurrentStaff staff,
            RequestMails mails,
            TriageNotes notes) {
        this.register = register;
        this.matches = matches;
        this.staff = staff;
        this.mails = mails;
        this.notes = notes;
    }

    public record CaseFile(
            String reference,
            String status,
            String channel,
            OffsetDateTime receivedAt,
            LocalDate clockStart,
            LocalDate statutoryDeadline,
            boolean paused,
            boolean extended,
            String outcome,
            Requester requester,
            List<Identifier> identifiers,
            List<CustomerMatches.Account> matchingAccounts,
            List<Mail> mails,
            List<TriageNotes.Note> notes,
            List<RequestRegister.RequestEvent> events) {}

    public record Requester(String name, String email, String phone, String accountNumber, String request) {}

    /** An identifier, where it came from, where it stands and the account it is on (when matched). */
    public record Identifier(
            long id, String kind, String value, String source, String state, String matchedAccount, boolean verified) {}

    /** A mail the intake read for the request; its text and attachments are at {@code link}. */
    public record Mail(
            long intakeId, OffsetDateTime readAt, String subject, String outcome, int attachments, String link) {}

    @GetMapping("/api/access-requests/{reference}")
    public CaseFile caseFile(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS, DeskGroups.MANAGERS);
        Request r = register.get(reference);
        if (r.type() != RequestType.SUBJECT_ACCESS) {
            throw new RequestNotFoundException(reference);
        }
        List<Identifier> identifiers = register.identifiers(r.id()).stream()
                .map(i -> new Identifier(
                        i.id(),
                        i.kind(),
                        i.value(),
                        i.source().name(),
                        i.state().name(),
                        i.matchedAccount(),
                        i.verified()))
                .toList();
        List<Mail> read = mails.mailsOf(r.id()).stream()
                .map(m -> new Mail(
                        m.intakeId(),
                        m.readAt(),
                        m.subject(),
                        m.outcome(),
                        m.attachments(),
                        "/api/intake/mails/" + m.intakeId()))
                .toList();
        return new CaseFile(
                r.reference(),
                r.status(),
                r.channel().name(),
                r.receivedAt(),
                r.clockStart(),
                r.statutoryDeadline(),
                r.paused(),
                r.extended(),
                r.outcome(),
                new Requester(
                        r.requesterName(), r.requesterEmail(), r.requesterPhone(), r.accountNumber(), r.summary()),
                identifiers,
                matches.accounts(r),
                read,
                notes.all(r.id()),
                register.events(r.id()));
    }
}

package uk.lucidservices.privacydesk.rights;

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
 * The case file a privacy officer reads while deciding a rectification, restriction, portability
 * or objection request (the rights process's forms link it): who asked and how, in their words, the
 * identifiers, the mails the intake read, the decisions so far and the restriction's state, and what
 * happened. {@code GET /api/rights-requests/{reference}}, privacy officers and managers only. The
 * personal data stays in the register and the desk's tables; this only shows it.
 */
@RestController
class RightsRequestCaseController {

    private final RequestRegister register;
    private final RequestMails mails;
    private final RightsDecisions decisions;
    private final ProcessingRestrictions restrictions;
    private final CurrentStaff staff;

    RightsRequestCaseController(
            RequestRegister register,
            RequestMails mails,
            RightsDecisions decisions,
            ProcessingRestrictions restrictions,
            CurrentStaff staff) {
        this.register = register;
        this.mails = mails;
        this.decisions = decisions;
        this.restrictions = restrictions;
        this.staff = staff;
    }

    public record CaseFile(
            String reference,
            RequestType type,
            String status,
            String channel,
            OffsetDateTime receivedAt,
            LocalDate statutoryDeadline,
            boolean paused,
            boolean extended,
            String outcome,
            Requester requester,
            List<Identifier> identifiers,
            List<Mail> mails,
            List<RightsDecisions.Decision> decisions,
            ProcessingRestrictions.Restriction restriction,
            List<RequestRegister.RequestEvent> events) {}

    public record Requester(String name, String email, String phone, String accountNumber, String request) {}

    public record Identifier(long id, String kind, String value, String source, String state, boolean verified) {}

    public record Mail(long intakeId, OffsetDateTime readAt, String subject, int attachments, String link) {}

    @GetMapping("/api/rights-requests/{reference}")
    public CaseFile caseFile(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS, DeskGroups.MANAGERS);
        Request r = register.get(reference);
        if (!RequestType.RIGHTS_PROCESS.equals(r.type().processKey())) {
            throw new RequestNotFoundException(reference);
        }
        return new CaseFile(
                r.reference(),
                r.type(),
                r.status(),
                r.channel().name(),
                r.receivedAt(),
                r.statutoryDeadline(),
                r.paused(),
                r.extended(),
                r.outcome(),
                new Requester(
                        r.requesterName(), r.requesterEmail(), r.requesterPhone(), r.accountNumber(), r.summary()),
                register.identifiers(r.id()).stream()
                        .map(i -> new Identifier(
                                i.id(),
                                i.kind(),
                                i.value(),
                                i.source().name(),
                                i.state().name(),
                                i.verified()))
                        .toList(),
                mails.mailsOf(r.id()).stream()
                        .map(m -> new Mail(
                                m.intakeId(),
                                m.readAt(),
                                m.subject(),
                                m.attachments(),
                                "/api/intake/mails/" + m.intakeId()))
                        .toList(),
                decisions.all(r.id()),
                restrictions.find(r.id()).orElse(null),
                register.events(r.id()));
    }
}

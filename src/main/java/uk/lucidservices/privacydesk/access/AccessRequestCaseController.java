package uk.lucidservices.privacydesk.access;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestNotFoundException;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

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
    private final JdbcTemplate jdbc;

    public AccessRequestCaseController(RequestRegister register, CustomerMatches matches, CurrentStaff staff,
                                       JdbcTemplate jdbc) {
        this.register = register;
        this.matches = matches;
        this.staff = staff;
        this.jdbc = jdbc;
    }

    public record CaseFile(String reference, String status, String channel, OffsetDateTime receivedAt,
                           LocalDate clockStart, LocalDate statutoryDeadline, boolean paused, boolean extended,
                           String outcome, Requester requester, List<Identifier> identifiers,
                           List<CustomerMatches.Account> matchingAccounts, List<Mail> mails, List<Note> notes,
                           List<RequestRegister.RequestEvent> events) {
    }

    public record Requester(String name, String email, String phone, String accountNumber, String request) {
    }

    /** An identifier, where it came from, where it stands and the account it is on (when matched). */
    public record Identifier(long id, String kind, String value, String source, String state, String matchedAccount,
                             boolean verified) {
    }

    /** A mail the intake read for the request; its text and attachments are at {@code link}. */
    public record Mail(long intakeId, OffsetDateTime readAt, String subject, String outcome, int attachments, String link) {
    }

    public record Note(String kind, String note, String writtenBy, OffsetDateTime writtenAt) {
    }

    @GetMapping("/api/access-requests/{reference}")
    public CaseFile caseFile(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS, DeskGroups.MANAGERS);
        Request r = register.get(reference);
        if (r.type() != RequestType.SUBJECT_ACCESS) {
            throw new RequestNotFoundException(reference);
        }
        List<Identifier> identifiers = jdbc.query(
                "SELECT id, kind, id_value, source, state, matched_account, verified FROM desk.request_identifier WHERE request_id = ? ORDER BY id",
                (rs, i) -> new Identifier(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7)), r.id());
        List<Mail> mails = jdbc.query("""
                        SELECT id, read_at, subject, outcome, attachment_count FROM desk.intake_log
                        WHERE request_id = ? ORDER BY id""",
                (rs, i) -> new Mail(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                        rs.getInt(5), "/api/intake/mails/" + rs.getLong(1)), r.id());
        List<Note> notes = jdbc.query(
                "SELECT kind, note, written_by, written_at FROM desk.triage_note WHERE request_id = ? ORDER BY id",
                (rs, i) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)),
                r.id());
        return new CaseFile(r.reference(), r.status(), r.channel().name(), r.receivedAt(), r.clockStart(),
                r.statutoryDeadline(), r.paused(), r.extended(), r.outcome(),
                new Requester(r.requesterName(), r.requesterEmail(), r.requesterPhone(), r.accountNumber(), r.summary()),
                identifiers, matches.accounts(r), mails, notes, register.events(r.id()));
    }
}

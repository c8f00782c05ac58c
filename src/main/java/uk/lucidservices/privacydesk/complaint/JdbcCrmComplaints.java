package uk.lucidservices.privacydesk.complaint;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.PhoneNumbers;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** Complaints in the bundled CRM model ({@code records.complaint}). */
@Component
class JdbcCrmComplaints implements CrmComplaints {

    private final JdbcTemplate jdbc;
    private final RequestRegister register;
    private final PhoneNumbers phones;
    private final Clock clock;

    public JdbcCrmComplaints(JdbcTemplate jdbc, RequestRegister register, PhoneNumbers phones, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.phones = phones;
        this.clock = clock;
    }

    @Override
    public long record(String requestReference) {
        List<Long> existing = jdbc.queryForList(
                "SELECT id FROM records.complaint WHERE request_reference = ?", Long.class, requestReference);
        if (!existing.isEmpty()) {
            return existing.get(0); // a retried job must not record the complaint twice
        }
        Request r = register.get(requestReference);
        Long account = matchAccount(r).orElse(null);
        jdbc.update(
                """
                INSERT INTO records.complaint (account_id, reference, request_reference, complainant_name, complainant_email,
                    email_key, complainant_phone, phone_key, category, details, received_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OTHER', ?, ?, 'OPEN')""",
                account,
                requestReference,
                requestReference,
                r.requesterName(),
                r.requesterEmail(),
                Emails.key(r.requesterEmail()),
                r.requesterPhone(),
                phones.keyOrNull(r.requesterPhone()),
                r.summary(),
                r.receivedAt());
        return jdbc.queryForObject(
                "SELECT id FROM records.complaint WHERE request_reference = ?", Long.class, requestReference);
    }

    /** The complainant's own account: by account number, else by email, else by phone; never a guess between two. */
    private Optional<Long> matchAccount(Request r) {
        if (r.accountNumber() != null && !r.accountNumber().isBlank()) {
            List<Long> ids = jdbc.queryForList(
                    "SELECT id FROM records.crm_account WHERE account_number = ?",
                    Long.class,
                    r.accountNumber().trim().toUpperCase(Locale.ROOT));
            if (ids.size() == 1) {
                return Optional.of(ids.get(0));
            }
        }
        String email = Emails.key(r.requesterEmail());
        if (email != null) {
            List<Long> ids =
                    jdbc.queryForList("SELECT id FROM records.crm_account WHERE email_key = ?", Long.class, email);
            if (ids.size() == 1) {
                return Optional.of(ids.get(0));
            }
        }
        String phone = phones.keyOrNull(r.requesterPhone());
        if (phone != null) {
            List<Long> ids =
                    jdbc.queryForList("SELECT id FROM records.crm_account WHERE phone_key = ?", Long.class, phone);
            if (ids.size() == 1) {
                return Optional.of(ids.get(0));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Long> accountOf(long complaintId) {
        return Optional.ofNullable(
                jdbc.queryForObject("SELECT account_id FROM records.complaint WHERE id = ?", Long.class, complaintId));
    }

    @Override
    public void categorise(long complaintId, ComplaintCategory category, String relatedReference) {
        jdbc.update(
                "UPDATE records.complaint SET category = ?, related_reference = ? WHERE id = ?",
                category.name(),
                relatedReference,
                complaintId);
    }

    @Override
    public boolean linkAccount(long complaintId, String accountNumber) {
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM records.crm_account WHERE account_number = ?",
                Long.class,
                accountNumber.trim().toUpperCase(Locale.ROOT));
        if (ids.size() != 1) {
            return false;
        }
        jdbc.update("UPDATE records.complaint SET account_id = ? WHERE id = ?", ids.get(0), complaintId);
        return true;
    }

    @Override
    public Optional<CustomerType> customerTypeOf(long complaintId) {
        List<String> types = jdbc.queryForList("""
                SELECT a.customer_type FROM records.complaint c JOIN records.crm_account a ON a.id = c.account_id
                WHERE c.id = ?""", String.class, complaintId);
        if (types.isEmpty() || types.get(0) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CustomerType.valueOf(types.get(0).trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty(); // a type the desk does not know is treated as not recorded
        }
    }

    @Override
    public void recordOutcome(long complaintId, String resolution, String outcome) {
        jdbc.update(
                "UPDATE records.complaint SET resolution = ?, outcome = ? WHERE id = ?",
                resolution,
                outcome,
                complaintId);
    }

    @Override
    public Optional<String> outcomeOf(long complaintId) {
        List<String> outcomes =
                jdbc.queryForList("SELECT outcome FROM records.complaint WHERE id = ?", String.class, complaintId);
        return outcomes.isEmpty() ? Optional.empty() : Optional.ofNullable(outcomes.get(0));
    }

    @Override
    public void close(long complaintId, String resolution) {
        jdbc.update(
                "UPDATE records.complaint SET status = 'CLOSED', resolution = ?, closed_at = ? WHERE id = ?",
                resolution,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                complaintId);
    }
}

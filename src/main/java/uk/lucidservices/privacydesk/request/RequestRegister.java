package uk.lucidservices.privacydesk.request;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.PhoneNumbers;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The request register: every request, its contact details and its clocks. Processes refer to
 * a request by its reference; names, emails and numbers stay here.
 */
@Repository
public class RequestRegister {

    private static final String INSERT_IDENTIFIER =
            "INSERT INTO desk.request_identifier (request_id, kind, id_value, value_key, source, state) VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final ReferenceGenerator references;
    private final RequestDeadlines deadlines;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    public RequestRegister(JdbcTemplate jdbc, ReferenceGenerator references, RequestDeadlines deadlines,
                           PhoneNumbers phoneNumbers, Clock clock) {
        this.jdbc = jdbc;
        this.references = references;
        this.deadlines = deadlines;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    @Transactional
    public Request log(NewRequest r) {
        String reference = references.next(r.type());
        OffsetDateTime receivedAt = r.receivedAt() != null ? r.receivedAt() : OffsetDateTime.now(clock);
        LocalDate received = receivedAt.atZoneSameInstant(clock.getZone()).toLocalDate();
        RequestDeadlines.Dates dates = deadlines.initial(r.type(), received);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO desk.request (reference, type, channel, requester_name, requester_email, requester_phone,
                        account_number, summary, received_at, clock_start, status, statutory_deadline, internal_target,
                        escalation_date, logged_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?)""", new String[]{"id"});
            ps.setString(1, reference);
            ps.setString(2, r.type().name());
            ps.setString(3, r.channel().name());
            ps.setString(4, r.requesterName());
            ps.setString(5, r.requesterEmail());
            ps.setString(6, r.requesterPhone());
            ps.setString(7, r.accountNumber());
            ps.setString(8, r.summary());
            ps.setObject(9, receivedAt.withOffsetSameInstant(ZoneOffset.UTC));
            ps.setObject(10, received);
            ps.setObject(11, dates.statutoryDeadline());
            ps.setObject(12, dates.internalTarget());
            ps.setObject(13, dates.escalationDate());
            ps.setString(14, r.loggedBy());
            ps.setObject(15, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            return ps;
        }, key);
        long id = key.getKey().longValue();
        // One batch (one round trip on PostgreSQL) for all the identifiers the requester gave.
        // A mail's From is its sender address; what was found in its text is only a suggestion.
        List<Object[]> identifiers = new ArrayList<>();
        IdentifierSource given = r.channel() == Channel.EMAIL ? IdentifierSource.SENDER_ADDRESS : IdentifierSource.STRUCTURED_FIELD;
        IdentifierSource phoneAndAccount = r.phoneAndAccountFoundInText() ? IdentifierSource.FOUND_IN_TEXT : IdentifierSource.STRUCTURED_FIELD;
        identifier(identifiers, id, "EMAIL", r.requesterEmail(), Emails.key(r.requesterEmail()), given);
        identifier(identifiers, id, "PHONE", r.requesterPhone(), phoneNumbers.keyOrNull(r.requesterPhone()), phoneAndAccount);
        identifier(identifiers, id, "ACCOUNT", r.accountNumber(), r.accountNumber() == null ? null : r.accountNumber().trim().toUpperCase(), phoneAndAccount);
        identifier(identifiers, id, "NAME", r.requesterName(), null, given);
        insertIdentifiers(identifiers);
        record(id, "LOGGED", r.loggedBy(), "Logged from channel " + r.channel().name());
        return find(reference).orElseThrow();
    }

    /** A further phone number found in a mail's text: a suggestion an officer accepts or rejects. */
    public void addSuggestedPhone(long requestId, String phone) {
        List<Object[]> identifiers = new ArrayList<>();
        identifier(identifiers, requestId, "PHONE", phone, phoneNumbers.keyOrNull(phone), IdentifierSource.FOUND_IN_TEXT);
        insertIdentifiers(identifiers);
    }

    public List<Identifier> identifiers(long requestId) {
        return jdbc.query("""
                        SELECT id, kind, id_value, value_key, source, state, matched_account, proven_at
                        FROM desk.request_identifier WHERE request_id = ? ORDER BY id""",
                (rs, i) -> new Identifier(rs.getLong("id"), rs.getString("kind"), rs.getString("id_value"),
                        rs.getString("value_key"), IdentifierSource.valueOf(rs.getString("source")),
                        IdentifierState.valueOf(rs.getString("state")), rs.getString("matched_account"),
                        rs.getObject("proven_at") != null), requestId);
    }

    /** One identifier of a request: its value as given, its matching key, where it came from and where it stands. */
    public record Identifier(long id, String kind, String value, String key, IdentifierSource source,
                             IdentifierState state, String matchedAccount, boolean proven) {

        /** Names are never searched; emails, phones and account numbers are. */
        public boolean searchKey() {
            return !"NAME".equals(kind);
        }
    }

    private void insertIdentifiers(List<Object[]> identifiers) {
        if (!identifiers.isEmpty()) {
            jdbc.batchUpdate(INSERT_IDENTIFIER, identifiers);
        }
    }

    private static void identifier(List<Object[]> into, long requestId, String kind, String value, String key,
                                   IdentifierSource source) {
        if (value != null && !value.isBlank()) {
            IdentifierState state = source == IdentifierSource.FOUND_IN_TEXT ? IdentifierState.SUGGESTED : IdentifierState.UNMATCHED;
            into.add(new Object[]{requestId, kind, value.trim(), key, source.name(), state.name()});
        }
    }

    /** Records what happened to a request; detail must carry no personal data. */
    public void record(long requestId, String kind, String actor, String detail) {
        jdbc.update("INSERT INTO desk.request_event (request_id, occurred_at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)",
                requestId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), kind, actor, detail);
    }

    public void attachProcess(String reference, String processInstanceId) {
        jdbc.update("UPDATE desk.request SET process_instance_id = ?, status = 'OPEN' WHERE reference = ?",
                processInstanceId, reference);
    }

    /** Closes a request with its outcome; closing twice keeps the first closing time. */
    public void close(String reference, String outcome) {
        jdbc.update("UPDATE desk.request SET status = 'CLOSED', outcome = ?, closed_at = COALESCE(closed_at, ?) WHERE reference = ?",
                outcome, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), reference);
        record(get(reference).id(), "CLOSED", null, "Outcome " + outcome);
    }

    public Optional<Request> find(String reference) {
        List<Request> found = jdbc.query("SELECT * FROM desk.request WHERE reference = ?", ROW, reference);
        return found.stream().findFirst();
    }

    public Request get(String reference) {
        return find(reference).orElseThrow(() -> new RequestNotFoundException(reference));
    }

    public List<Request> open() {
        return jdbc.query("SELECT * FROM desk.request WHERE closed_at IS NULL ORDER BY statutory_deadline, reference", ROW);
    }

    public List<RequestEvent> events(long requestId) {
        return jdbc.query("SELECT occurred_at, kind, actor, detail FROM desk.request_event WHERE request_id = ? ORDER BY id",
                (rs, i) -> new RequestEvent(rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("kind"),
                        rs.getString("actor"), rs.getString("detail")), requestId);
    }

    public record RequestEvent(OffsetDateTime occurredAt, String kind, String actor, String detail) {
    }

    private static final RowMapper<Request> ROW = (rs, i) -> new Request(
            rs.getLong("id"),
            rs.getString("reference"),
            RequestType.valueOf(rs.getString("type")),
            Channel.valueOf(rs.getString("channel")),
            rs.getString("requester_name"),
            rs.getString("requester_email"),
            rs.getString("requester_phone"),
            rs.getString("account_number"),
            rs.getString("summary"),
            rs.getObject("received_at", OffsetDateTime.class),
            rs.getObject("clock_start", LocalDate.class),
            rs.getString("status"),
            rs.getObject("statutory_deadline", LocalDate.class),
            rs.getObject("internal_target", LocalDate.class),
            rs.getObject("escalation_date", LocalDate.class),
            rs.getBoolean("extended"),
            rs.getBoolean("paused"),
            rs.getBoolean("breached"),
            rs.getString("process_instance_id"),
            rs.getString("logged_by"),
            rs.getObject("closed_at", OffsetDateTime.class),
            rs.getString("outcome"));
}

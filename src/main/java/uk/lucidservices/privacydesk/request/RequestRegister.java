package uk.lucidservices.privacydesk.request;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.PhoneNumbers;

/**
 * The request register: every request, its contact details and its clocks. Processes refer to
 * a request by its reference; names, emails and numbers stay here.
 */
@Repository
public class RequestRegister implements RetainedData {

    /**
     * Retention, for the sweeps of every store tied to a request: the ids of requests closed at or
     * before {@code :cutoff} and not {@code :held} by an open complaint (see {@link RetentionCut}).
     */
    public static final String DUE_REQUEST_IDS = """
            SELECT r.id FROM desk.request r
            WHERE r.closed_at IS NOT NULL AND r.closed_at <= :cutoff AND r.reference NOT IN (:held)""";

    /** {@link #DUE_REQUEST_IDS}, as references. */
    public static final String DUE_REQUEST_REFERENCES = """
            SELECT r.reference FROM desk.request r
            WHERE r.closed_at IS NOT NULL AND r.closed_at <= :cutoff AND r.reference NOT IN (:held)""";

    /** The references of requests not {@code :held}, for stores that count from their own date (a link's expiry). */
    public static final String UNHELD_REQUEST_REFERENCES = """
            SELECT r.reference FROM desk.request r WHERE r.reference NOT IN (:held)""";

    /**
     * ID documents are needed only to decide identity: the ids of requests not {@code :held} whose
     * identity was decided at or before {@code :cutoff}, or that closed by then with no decision.
     */
    public static final String ID_DOCUMENTS_DUE_REQUEST_IDS = """
            SELECT r.id FROM desk.request r
            WHERE r.reference NOT IN (:held) AND (
                (r.closed_at IS NOT NULL AND r.closed_at <= :cutoff)
                OR (SELECT MIN(e.occurred_at) FROM desk.request_event e
                    WHERE e.request_id = r.id AND e.kind = 'IDENTITY_VERIFIED') <= :cutoff)""";

    private static final String INSERT_IDENTIFIER =
            "INSERT INTO desk.request_identifier (request_id, kind, id_value, value_key, source, state) VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final ReferenceGenerator references;
    private final RequestDeadlines deadlines;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    public RequestRegister(
            JdbcTemplate jdbc,
            ReferenceGenerator references,
            RequestDeadlines deadlines,
            PhoneNumbers phoneNumbers,
            Clock clock) {
        this.jdbc = jdbc;
        this.references = references;
        this.deadlines = deadlines;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    /**
     * Logs a request that has no process (yet): RECEIVED. Two round trips on PostgreSQL (the
     * reference with the row's id, then row, identifiers and LOGGED event in one statement).
     */
    @Transactional
    public Request log(NewRequest r) {
        Opening opening = prepare(r);
        opening.writeReceived();
        return opening.request();
    }

    /**
     * A request about to start its process (see {@link RequestStarter}): its reference and id are
     * taken, and {@link #request()} is its row as it will be written, RECEIVED and with no process,
     * for what runs inside the start ({@link StartingRequest}). On PostgreSQL the row, its
     * identifiers and its LOGGED event are written in one statement once the process instance exists
     * ({@link #open}), OPEN and linked, so no UPDATE follows the start; on H2 the row is written at
     * once and {@link #open} links it.
     */
    final class Opening {

        private final Request request;
        private final NewRequest asked;
        private final OffsetDateTime loggedAt;
        private boolean written;
        private boolean opened;

        private Opening(Request request, NewRequest asked, OffsetDateTime loggedAt, boolean written) {
            this.request = request;
            this.asked = asked;
            this.loggedAt = loggedAt;
            this.written = written;
        }

        Request request() {
            return request;
        }

        /** Writes the row (on H2: links it) as OPEN with its process; only the first call counts. */
        void open(String processInstanceId) {
            if (opened) {
                return;
            }
            opened = true;
            if (written) {
                attachProcess(request.reference(), processInstanceId);
            } else {
                write(processInstanceId);
            }
        }

        /** Writes the row as RECEIVED, with no process, unless it is written already (H2). */
        private void writeReceived() {
            if (!written) {
                write(null);
            }
        }

        private void write(String processInstanceId) {
            insertAtOnce(request, asked, loggedAt, processInstanceId);
            written = true;
        }
    }

    /** Takes the request's reference (and on PostgreSQL its id); see {@link Opening}. */
    Opening prepare(NewRequest r) {
        OffsetDateTime loggedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (!references.postgres()) {
            return new Opening(insertStepByStep(r, references.next(r.type()), loggedAt), r, loggedAt, true);
        }
        ReferenceGenerator.Taken taken = references.next(r.type(), NEXT_REQUEST_ID);
        // What PostgreSQL will store: times to the microsecond, rounded as the driver sends them.
        OffsetDateTime receivedAt = toMicros((r.receivedAt() != null ? r.receivedAt() : OffsetDateTime.now(clock))
                .withOffsetSameInstant(ZoneOffset.UTC));
        LocalDate received = receivedAt.atZoneSameInstant(clock.getZone()).toLocalDate();
        RequestDeadlines.Dates dates = deadlines.initial(r.type(), received);
        Request row = new Request(
                taken.alongside(),
                taken.reference(),
                r.type(),
                r.channel(),
                r.requesterName(),
                r.requesterEmail(),
                r.requesterPhone(),
                r.accountNumber(),
                r.summary(),
                receivedAt,
                received,
                "RECEIVED",
                dates.statutoryDeadline(),
                dates.internalTarget(),
                dates.escalationDate(),
                false,
                false,
                false,
                null,
                r.loggedBy(),
                null,
                null,
                r.language());
        return new Opening(row, r, loggedAt, false);
    }

    /** The next id of {@code desk.request}'s identity, taken with the reference (PostgreSQL). */
    private static final String NEXT_REQUEST_ID = "nextval(pg_get_serial_sequence('desk.request', 'id'))";

    /** The driver sends a time to the microsecond, half a microsecond rounding up. */
    private static OffsetDateTime toMicros(OffsetDateTime t) {
        OffsetDateTime rounded = t.getNano() % 1000 >= 500 ? t.plusNanos(1000) : t;
        return rounded.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * PostgreSQL: the row, its identifiers and its LOGGED event in one statement (one round trip).
     * The row's id is known beforehand, so the identifiers and the event name it directly; their
     * foreign keys are checked at the end of the statement, when the row is there.
     */
    private void insertAtOnce(Request row, NewRequest r, OffsetDateTime loggedAt, String processInstanceId) {
        List<Object[]> identifiers = identifiersOf(r, row.id());
        // Nulls (a detail not given) are sent as untyped NULLs: PostgreSQL types them by their column.
        List<Object> args = new ArrayList<>(Arrays.asList(
                row.id(),
                row.reference(),
                row.type().name(),
                row.channel().name(),
                row.requesterName(),
                row.requesterEmail(),
                row.requesterPhone(),
                row.accountNumber(),
                row.summary(),
                row.receivedAt(),
                row.clockStart(),
                processInstanceId == null ? "RECEIVED" : "OPEN",
                row.statutoryDeadline(),
                row.internalTarget(),
                row.escalationDate(),
                processInstanceId,
                row.loggedBy(),
                loggedAt,
                row.language().code()));
        StringBuilder sql = new StringBuilder("""
                WITH r AS (
                    INSERT INTO desk.request (id, reference, type, channel, requester_name, requester_email,
                        requester_phone, account_number, summary, received_at, clock_start, status, statutory_deadline,
                        internal_target, escalation_date, process_instance_id, logged_by, created_at, language)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))""");
        if (!identifiers.isEmpty()) {
            // One VALUES list, in the order given: the identifiers' ids keep that order.
            sql.append(
                    ", i AS (\n    INSERT INTO desk.request_identifier (request_id, kind, id_value, value_key, source, state)\n    VALUES ");
            for (int n = 0; n < identifiers.size(); n++) {
                sql.append(n == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
                args.addAll(Arrays.asList(identifiers.get(n)));
            }
            sql.append(")");
        }
        sql.append("""

                INSERT INTO desk.request_event (request_id, occurred_at, kind, actor, detail) VALUES (?, ?, 'LOGGED', ?, ?)""");
        args.add(row.id());
        args.add(loggedAt);
        args.add(r.loggedBy());
        args.add(loggedDetail(r));
        try {
            jdbc.update(sql.toString(), args.toArray());
        } catch (DataAccessException e) {
            // Written inside the engine's start, whose error log prints the message in full; the
            // server's message can quote the failing row (name, address, summary), so it stays out.
            throw new IllegalStateException(
                    "Request " + row.reference() + " could not be written to the register (" + sqlState(e) + ")");
        }
    }

    /** The SQL state of a failed statement (e.g. 23505, a duplicate key), or its exception's type. */
    private static String sqlState(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return "SQL state " + sql.getSQLState();
        }
        return cause.getClass().getSimpleName();
    }

    /** H2 (no data-modifying WITH): the row, then its identifiers in one batch, then its event. */
    private Request insertStepByStep(NewRequest r, String reference, OffsetDateTime loggedAt) {
        OffsetDateTime receivedAt = r.receivedAt() != null ? r.receivedAt() : OffsetDateTime.now(clock);
        LocalDate received = receivedAt.atZoneSameInstant(clock.getZone()).toLocalDate();
        RequestDeadlines.Dates dates = deadlines.initial(r.type(), received);
        // The row comes back from the insert itself (its defaults included): no second read.
        Request logged = jdbc.execute(
                (PreparedStatementCreator) con -> {
                    PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO desk.request (reference, type, channel, requester_name, requester_email, requester_phone,
                        account_number, summary, received_at, clock_start, status, statutory_deadline, internal_target,
                        escalation_date, logged_by, created_at, language)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?)""", ROW_COLUMNS);
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
                    ps.setObject(15, loggedAt);
                    ps.setString(16, r.language().code());
                    return ps;
                },
                (PreparedStatementCallback<Request>) ps -> {
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        return ROW.mapRow(rs, 0);
                    }
                });
        insertIdentifiers(identifiersOf(r, logged.id()));
        record(logged.id(), "LOGGED", r.loggedBy(), loggedDetail(r));
        return logged;
    }

    private static String loggedDetail(NewRequest r) {
        return "Logged from channel " + r.channel().name();
    }

    /**
     * The identifiers the requester gave, in the order they are stored. A mail's From is its sender
     * address; what was found in its text is only a suggestion.
     */
    private List<Object[]> identifiersOf(NewRequest r, long id) {
        List<Object[]> identifiers = new ArrayList<>();
        IdentifierSource given =
                r.channel() == Channel.EMAIL ? IdentifierSource.SENDER_ADDRESS : IdentifierSource.STRUCTURED_FIELD;
        IdentifierSource phoneAndAccount =
                r.phoneAndAccountFoundInText() ? IdentifierSource.FOUND_IN_TEXT : IdentifierSource.STRUCTURED_FIELD;
        identifier(identifiers, id, "EMAIL", r.requesterEmail(), Emails.key(r.requesterEmail()), given);
        identifier(
                identifiers,
                id,
                "PHONE",
                r.requesterPhone(),
                phoneNumbers.keyOrNull(r.requesterPhone()),
                phoneAndAccount);
        identifier(
                identifiers,
                id,
                "ACCOUNT",
                r.accountNumber(),
                r.accountNumber() == null ? null : r.accountNumber().trim().toUpperCase(),
                phoneAndAccount);
        identifier(identifiers, id, "NAME", r.requesterName(), null, given);
        return identifiers;
    }

    /** A further phone number found in a mail's text: a suggestion an officer accepts or rejects. */
    public void addSuggestedPhone(long requestId, String phone) {
        List<Object[]> identifiers = new ArrayList<>();
        identifier(
                identifiers, requestId, "PHONE", phone, phoneNumbers.keyOrNull(phone), IdentifierSource.FOUND_IN_TEXT);
        insertIdentifiers(identifiers);
    }

    public List<Identifier> identifiers(long requestId) {
        return jdbc.query(
                """
                        SELECT id, kind, id_value, value_key, source, state, matched_account, proven_at, verified
                        FROM desk.request_identifier WHERE request_id = ? ORDER BY id""",
                (rs, i) -> new Identifier(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("id_value"),
                        rs.getString("value_key"),
                        IdentifierSource.valueOf(rs.getString("source")),
                        IdentifierState.valueOf(rs.getString("state")),
                        rs.getString("matched_account"),
                        rs.getObject("proven_at") != null,
                        rs.getBoolean("verified")),
                requestId);
    }

    /**
     * One identifier of a request: its value as given, its matching key, where it came from, where it
     * stands, and whether it is verified (searched and erased by).
     */
    public record Identifier(
            long id,
            String kind,
            String value,
            String key,
            IdentifierSource source,
            IdentifierState state,
            String matchedAccount,
            boolean proven,
            boolean verified) {

        /** Names are never searched; emails, phones and account numbers are. */
        public boolean searchKey() {
            return !"NAME".equals(kind);
        }
    }

    void saveIdentifierMatch(long identifierId, IdentifierState state, String matchedAccount) {
        jdbc.update(
                "UPDATE desk.request_identifier SET state = ?, matched_account = ? WHERE id = ?",
                state.name(),
                matchedAccount,
                identifierId);
    }

    /** Confirms the matched searchable identifiers and verifies every confirmed one; answers how many are verified. */
    int verifyIdentifiers(long requestId, String userId, OffsetDateTime at) {
        jdbc.update("""
                UPDATE desk.request_identifier SET state = 'CONFIRMED', decided_by = ?, decided_at = ?
                WHERE request_id = ? AND state = 'MATCHED' AND kind IN ('EMAIL', 'PHONE', 'ACCOUNT')""", userId, at, requestId);
        return jdbc.update(
                "UPDATE desk.request_identifier SET verified = TRUE WHERE request_id = ? AND state = 'CONFIRMED' AND kind IN ('EMAIL', 'PHONE', 'ACCOUNT')",
                requestId);
    }

    void decideIdentifier(long identifierId, IdentifierState state, String userId, OffsetDateTime at) {
        jdbc.update(
                "UPDATE desk.request_identifier SET state = ?, decided_by = ?, decided_at = ? WHERE id = ?",
                state.name(),
                userId,
                at,
                identifierId);
    }

    /** A one-time code waiting for an email identifier: its hash only. */
    record PendingCode(String hash, OffsetDateTime expiresAt, int attempts) {}

    void saveAddressCode(long identifierId, String codeHash, OffsetDateTime expiresAt) {
        jdbc.update(
                "UPDATE desk.request_identifier SET code_hash = ?, code_expires_at = ?, code_attempts = 0 WHERE id = ?",
                codeHash,
                expiresAt,
                identifierId);
    }

    PendingCode pendingCode(long identifierId) {
        return jdbc.queryForObject(
                "SELECT code_hash, code_expires_at, code_attempts FROM desk.request_identifier WHERE id = ?",
                (rs, i) -> new PendingCode(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getInt(3)),
                identifierId);
    }

    void countWrongCode(long identifierId) {
        jdbc.update("UPDATE desk.request_identifier SET code_attempts = code_attempts + 1 WHERE id = ?", identifierId);
    }

    void markProven(long identifierId, OffsetDateTime at) {
        jdbc.update(
                "UPDATE desk.request_identifier SET proven_at = ?, code_hash = NULL, code_expires_at = NULL WHERE id = ?",
                at,
                identifierId);
    }

    private void insertIdentifiers(List<Object[]> identifiers) {
        if (!identifiers.isEmpty()) {
            jdbc.batchUpdate(INSERT_IDENTIFIER, identifiers);
        }
    }

    private static void identifier(
            List<Object[]> into, long requestId, String kind, String value, String key, IdentifierSource source) {
        if (value != null && !value.isBlank()) {
            IdentifierState state =
                    source == IdentifierSource.FOUND_IN_TEXT ? IdentifierState.SUGGESTED : IdentifierState.UNMATCHED;
            into.add(new Object[] {requestId, kind, value.trim(), key, source.name(), state.name()});
        }
    }

    /** Records what happened to a request; detail must carry no personal data. */
    public void record(long requestId, String kind, String actor, String detail) {
        jdbc.update(
                "INSERT INTO desk.request_event (request_id, occurred_at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)",
                requestId,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                kind,
                actor,
                detail);
    }

    public void attachProcess(String reference, String processInstanceId) {
        jdbc.update(
                "UPDATE desk.request SET process_instance_id = ?, status = 'OPEN' WHERE reference = ?",
                processInstanceId,
                reference);
    }

    /** Closes a request with its outcome; closing twice keeps the first closing time. */
    public void close(String reference, String outcome) {
        close(reference, outcome, null, "Outcome " + outcome);
    }

    /**
     * The one way a request is closed, whatever its process: status, outcome and closing time, and
     * a CLOSED event by {@code actor} whose {@code detail} (no personal data) says what closing found.
     * Closing twice keeps the first closing time.
     */
    @Transactional
    public void close(String reference, String outcome, String actor, String detail) {
        Request request = get(reference);
        jdbc.update(
                "UPDATE desk.request SET status = 'CLOSED', outcome = ?, closed_at = COALESCE(closed_at, ?) WHERE id = ?",
                outcome,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                request.id());
        record(request.id(), "CLOSED", actor, detail);
    }

    /** Of these references, those of requests that exist and are not closed. */
    public Set<String> openAmong(Collection<String> references) {
        if (references.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(new NamedParameterJdbcTemplate(jdbc)
                .queryForList(
                        "SELECT reference FROM desk.request WHERE closed_at IS NULL AND reference IN (:references)",
                        new MapSqlParameterSource("references", List.copyOf(references)),
                        String.class));
    }

    /**
     * The register keeps a closed request's reference, type, channel, dates, status and outcome for
     * accountability; its contact details and identifiers go when its period is over.
     */
    @Override
    public List<StoreSweep> retentionSweeps() {
        return List.of(new StoreSweep(
                "register-personal-fields",
                """
                SELECT r.id FROM desk.request r
                WHERE r.personal_fields_cleared_at IS NULL AND r.id IN (""" + DUE_REQUEST_IDS + ") ORDER BY r.id",
                null,
                "DELETE FROM desk.request_identifier WHERE request_id IN (:ids)",
                """
                UPDATE desk.request SET requester_name = NULL, requester_email = NULL, requester_phone = NULL,
                    account_number = NULL, summary = NULL, personal_fields_cleared_at = :now
                WHERE id IN (:ids)"""));
    }

    /** The process instances of the other requests that carry any of these identifier keys. */
    public List<String> processInstancesSharingKeys(Collection<String> keys, String reference) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return new NamedParameterJdbcTemplate(jdbc)
                .queryForList(
                        """
                SELECT DISTINCT r.process_instance_id FROM desk.request r
                JOIN desk.request_identifier i ON i.request_id = r.id
                WHERE i.value_key IN (:keys) AND r.reference <> :reference AND r.process_instance_id IS NOT NULL""", new MapSqlParameterSource("keys", keys).addValue("reference", reference), String.class);
    }

    /**
     * The clock columns of a request beyond {@link Request}: its extension and breaches. The SLA
     * computes and reads them (sla.ClockStore); the register, which owns the table, stores them.
     */
    public record ClockColumns(
            String extensionReason,
            String extensionApprovedBy,
            LocalDate extendedOn,
            OffsetDateTime extensionNoticeSentAt,
            OffsetDateTime internalTargetBreachedAt,
            OffsetDateTime statutoryDeadlineBreachedAt) {}

    private static final String CLOCK_COLUMNS = """
            id, extension_reason, extension_approved_by, extended_on, extension_notice_sent_at,
            internal_target_breached_at, statutory_deadline_breached_at""";

    private static final RowMapper<ClockColumns> CLOCK_ROW = (rs, i) -> new ClockColumns(
            rs.getString("extension_reason"),
            rs.getString("extension_approved_by"),
            rs.getObject("extended_on", LocalDate.class),
            rs.getObject("extension_notice_sent_at", OffsetDateTime.class),
            rs.getObject("internal_target_breached_at", OffsetDateTime.class),
            rs.getObject("statutory_deadline_breached_at", OffsetDateTime.class));

    public Optional<ClockColumns> clockColumns(long requestId) {
        return jdbc.query("SELECT " + CLOCK_COLUMNS + " FROM desk.request WHERE id = ?", CLOCK_ROW, requestId).stream()
                .findFirst();
    }

    /** The clock columns of every open request in one query, by request id, for the dashboard and the metrics. */
    public Map<Long, ClockColumns> clockColumnsOfOpenRequests() {
        Map<Long, ClockColumns> columns = new HashMap<>();
        jdbc.query("SELECT " + CLOCK_COLUMNS + " FROM desk.request WHERE closed_at IS NULL", rs -> {
            columns.put(rs.getLong("id"), CLOCK_ROW.mapRow(rs, 0));
        });
        return columns;
    }

    /** Writes the dates the SLA computed, so the register, Tasklist and reports agree with the timers. */
    public void saveClockDates(
            long requestId,
            LocalDate clockStart,
            LocalDate statutoryDeadline,
            LocalDate internalTarget,
            LocalDate escalationDate,
            boolean paused,
            boolean extended) {
        jdbc.update("""
                UPDATE desk.request SET clock_start = ?, statutory_deadline = ?, internal_target = ?,
                    escalation_date = ?, paused = ?, extended = ? WHERE id = ?""", clockStart, statutoryDeadline, internalTarget, escalationDate, paused, extended, requestId);
    }

    public void saveClockStart(long requestId, LocalDate clockStart) {
        jdbc.update("UPDATE desk.request SET clock_start = ? WHERE id = ?", clockStart, requestId);
    }

    public void saveExtension(long requestId, String reason, String approvedBy, LocalDate on) {
        jdbc.update("""
                UPDATE desk.request SET extended = TRUE, extension_reason = ?, extension_approved_by = ?, extended_on = ?
                WHERE id = ?""", reason, approvedBy, on, requestId);
    }

    /**
     * Puts an extension ask before a manager, unless one already waits there or the deadline was already
     * extended: a conditional update, so of two asks at once only one gets true (the other waits for the first's
     * row lock and then finds the column set). Call it in the transaction that creates the manager's task.
     */
    public boolean markExtensionAsked(long requestId, String askedBy) {
        return jdbc.update(
                        "UPDATE desk.request SET extension_asked_at = ?, extension_asked_by = ? WHERE id = ?"
                                + " AND extension_asked_at IS NULL AND extended = FALSE",
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        askedBy,
                        requestId)
                == 1;
    }

    /** Who asked for the extension that waits for a manager's decision, or null (none waits, or asked by the desk). */
    public String extensionAskedBy(long requestId) {
        return jdbc
                .query(
                        "SELECT extension_asked_by FROM desk.request WHERE id = ?",
                        (rs, n) -> rs.getString(1),
                        requestId)
                .stream()
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /**
     * Puts a clarification ask to the requester, unless one already waits for its answer: a conditional update,
     * so of two asks at once only one gets true (the other waits for the first's row lock and then finds the
     * column set). Call it in the transaction that correlates the ask.
     */
    public boolean markClarificationAsked(long requestId) {
        return jdbc.update(
                        "UPDATE desk.request SET clarification_asked_at = ? WHERE id = ? AND clarification_asked_at IS NULL",
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        requestId)
                == 1;
    }

    /** Whether a clarification asked at any stage waits for the requester's answer. */
    public boolean clarificationAsked(long requestId) {
        Boolean asked = jdbc.queryForObject(
                "SELECT clarification_asked_at IS NOT NULL FROM desk.request WHERE id = ?", Boolean.class, requestId);
        return Boolean.TRUE.equals(asked);
    }

    /** The requester answered (the clock restarted): another clarification may be asked. */
    public void clearClarificationAsked(long requestId) {
        jdbc.update("UPDATE desk.request SET clarification_asked_at = NULL WHERE id = ?", requestId);
    }

    /**
     * The manager decided the extension ask, or its task was cancelled: another may be asked (unless the
     * deadline was extended).
     */
    public void clearExtensionAsked(long requestId) {
        jdbc.update(
                "UPDATE desk.request SET extension_asked_at = NULL, extension_asked_by = NULL WHERE id = ?", requestId);
    }

    public void saveExtensionNoticeSent(long requestId) {
        jdbc.update(
                "UPDATE desk.request SET extension_notice_sent_at = ? WHERE id = ?",
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                requestId);
    }

    /** Marks the internal target (or else the statutory deadline) breached once; false when it already was. */
    public boolean markBreached(long requestId, boolean statutoryDeadline) {
        String column = statutoryDeadline ? "statutory_deadline_breached_at" : "internal_target_breached_at";
        return jdbc.update(
                        "UPDATE desk.request SET breached = TRUE, " + column + " = ? WHERE id = ? AND " + column
                                + " IS NULL",
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        requestId)
                == 1;
    }

    /**
     * Takes a recorded breach back when the request's dates moved past it (ID arrived, a clarification
     * answered, an extension); {@code breached} stays true while the other clock is still breached.
     * Answers false when that clock was not breached.
     */
    public boolean clearBreach(long requestId, boolean statutoryDeadline) {
        String column = statutoryDeadline ? "statutory_deadline_breached_at" : "internal_target_breached_at";
        String other = statutoryDeadline ? "internal_target_breached_at" : "statutory_deadline_breached_at";
        return jdbc.update(
                        "UPDATE desk.request SET " + column + " = NULL, breached = (" + other
                                + " IS NOT NULL) WHERE id = ? AND " + column + " IS NOT NULL",
                        requestId)
                == 1;
    }

    /** Whether any request has been logged (the demo data adds its requests only to an empty register). */
    public boolean isEmpty() {
        Integer any = jdbc.queryForObject("SELECT COUNT(*) FROM desk.request", Integer.class);
        return any == null || any == 0;
    }

    /** How many events of {@code kind} the request has. */
    public int eventCount(long requestId, String kind) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM desk.request_event WHERE request_id = ? AND kind = ?",
                Integer.class,
                requestId,
                kind);
        return n == null ? 0 : n;
    }

    /** One direction of a link between two requests (see {@link RequestLinks}). */
    void link(long requestId, long linkedRequestId, String reason, OffsetDateTime at) {
        jdbc.update(
                "INSERT INTO desk.request_link (request_id, linked_request_id, reason, linked_at) VALUES (?, ?, ?, ?)",
                requestId,
                linkedRequestId,
                reason,
                at);
    }

    /** References of the requests linked to this one, oldest link first. */
    List<String> linkedReferences(long requestId) {
        return jdbc.queryForList("""
                SELECT r.reference FROM desk.request_link l JOIN desk.request r ON r.id = l.linked_request_id
                WHERE l.request_id = ? ORDER BY l.linked_at, r.reference""", String.class, requestId);
    }

    /** A request's dates and clock state, for the SLA report; no personal data. */
    public record Dates(
            String reference,
            RequestType type,
            OffsetDateTime receivedAt,
            OffsetDateTime closedAt,
            LocalDate statutoryDeadline,
            boolean breached,
            boolean internalTargetBreached,
            boolean statutoryDeadlineBreached,
            String processInstanceId) {}

    /** Requests received or closed since {@code from}, and every open one. */
    public List<Dates> datesSince(OffsetDateTime from) {
        return jdbc.query(
                """
                        SELECT reference, type, received_at, closed_at, statutory_deadline, breached,
                               internal_target_breached_at, statutory_deadline_breached_at, process_instance_id
                        FROM desk.request WHERE received_at >= ? OR closed_at >= ? OR closed_at IS NULL""",
                (rs, i) -> new Dates(
                        rs.getString(1),
                        RequestType.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getBoolean(6),
                        rs.getObject(7) != null,
                        rs.getObject(8) != null,
                        rs.getString(9)),
                from,
                from);
    }

    public Optional<Request> find(String reference) {
        List<Request> found = jdbc.query("SELECT * FROM desk.request WHERE reference = ?", ROW, reference);
        return found.stream().findFirst();
    }

    public Request get(String reference) {
        return find(reference).orElseThrow(() -> new RequestNotFoundException(reference));
    }

    public List<Request> open() {
        return jdbc.query(
                "SELECT * FROM desk.request WHERE closed_at IS NULL ORDER BY statutory_deadline, reference", ROW);
    }

    public List<RequestEvent> events(long requestId) {
        return jdbc.query(
                "SELECT occurred_at, kind, actor, detail FROM desk.request_event WHERE request_id = ? ORDER BY id",
                (rs, i) -> new RequestEvent(
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("kind"),
                        rs.getString("actor"),
                        rs.getString("detail")),
                requestId);
    }

    public record RequestEvent(OffsetDateTime occurredAt, String kind, String actor, String detail) {}

    /** The columns {@link #ROW} reads, which an insert returns. */
    private static final String[] ROW_COLUMNS = {
        "id",
        "reference",
        "type",
        "channel",
        "requester_name",
        "requester_email",
        "requester_phone",
        "account_number",
        "summary",
        "received_at",
        "clock_start",
        "status",
        "statutory_deadline",
        "internal_target",
        "escalation_date",
        "extended",
        "paused",
        "breached",
        "process_instance_id",
        "logged_by",
        "closed_at",
        "outcome",
        "language"
    };

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
            rs.getString("outcome"),
            Language.ofCode(rs.getString("language")));
}

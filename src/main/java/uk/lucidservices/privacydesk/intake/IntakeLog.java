package uk.lucidservices.privacydesk.intake;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.RequestMails;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.RetainedData;
import uk.lucidservices.privacydesk.request.RetentionCut;
import uk.lucidservices.privacydesk.request.StoreSweep;

/**
 * The intake log ({@code desk.intake_log}): every mail read, its outcome and reason. The first
 * sighting of a message carries its key under a unique constraint, in the same transaction that
 * starts or correlates, which is what makes intake exactly-once.
 */
@Repository
public class IntakeLog implements RequestMails, RetainedData {

    /** A row of the log, as triage and the API read it. */
    public record Entry(
            long id,
            String messageKey,
            String messageId,
            OffsetDateTime readAt,
            OffsetDateTime arrivedAt,
            Long sizeBytes,
            String senderAddress,
            String senderName,
            List<String> senderPhones,
            String accountNumber,
            String subject,
            IntakeOutcome outcome,
            String reason,
            RequestType requestType,
            Long requestId,
            String requestReference,
            Long duplicateOf,
            String triageInstanceId,
            String rawFile,
            int attachmentCount,
            String resolution,
            String resolutionReason,
            String resolvedBy,
            OffsetDateTime resolvedAt) {}

    public record Attachment(
            long id,
            long intakeId,
            Long requestId,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            String storedPath,
            String refusedReason) {}

    /**
     * Retention: a mail that joined no request, counted from when it was resolved (or read, if it
     * needed no one), never while it waits in triage.
     */
    private static final String UNLINKED_MAIL_DUE = """
            (l.request_id IS NULL AND COALESCE(l.resolved_at, l.read_at) <= :cutoff
             AND NOT (l.outcome IN ('TRIAGE', 'QUARANTINED') AND l.resolved_at IS NULL))""";

    /** A mail whose request is past its period, or that joined none and is past it. */
    private static final String MAIL_DUE =
            "(l.request_id IN (" + RequestRegister.DUE_REQUEST_IDS + ") OR " + UNLINKED_MAIL_DUE + ")";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    public IntakeLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    /**
     * What the log keeps for accountability stays: the reading time and outcome; an attachment's type,
     * size and SHA-256. The raw mail, the ID documents and the sender's details go.
     */
    @Override
    public List<StoreSweep> retentionSweeps() {
        return List.of(
                new StoreSweep(
                        "raw-mail",
                        """
                        SELECT l.id, l.raw_file FROM desk.intake_log l
                        WHERE l.raw_file IS NOT NULL AND""" + " " + MAIL_DUE + " ORDER BY l.id",
                        FileStore.INTAKE,
                        "UPDATE desk.intake_log SET raw_file = NULL WHERE id IN (:ids)"),

                // Needed only to decide identity: due from that decision, or from closing where none was made.
                new StoreSweep(
                        "id-documents",
                        """
                        SELECT a.id, a.stored_path FROM desk.intake_attachment a
                        JOIN desk.intake_log l ON l.id = a.intake_id
                        WHERE a.stored_path IS NOT NULL AND (
                            (COALESCE(a.request_id, l.request_id) IS NULL AND %s)
                            OR COALESCE(a.request_id, l.request_id) IN (%s))
                        ORDER BY a.id""".formatted(UNLINKED_MAIL_DUE, RequestRegister.ID_DOCUMENTS_DUE_REQUEST_IDS),
                        FileStore.INTAKE,
                        "UPDATE desk.intake_attachment SET stored_path = NULL WHERE id IN (:ids)"),
                new StoreSweep(
                        "intake-log",
                        """
                        SELECT l.id FROM desk.intake_log l
                        WHERE l.personal_fields_cleared_at IS NULL AND""" + " " + MAIL_DUE + " ORDER BY l.id",
                        null,
                        "UPDATE desk.intake_attachment SET file_name = NULL WHERE intake_id IN (:ids)",
                        """
                        UPDATE desk.intake_log SET sender_address = NULL, sender_name = NULL, sender_phones = NULL,
                            account_number = NULL, subject = NULL, personal_fields_cleared_at = :now
                        WHERE id IN (:ids)"""));
    }

    /**
     * Up to {@code limit} entries whose mail is still in the mailbox's processed folder and past the
     * raw mail's period, by id, with their Message-IDs (a mail without one cannot be found again).
     */
    Map<Long, String> processedMailDue(RetentionCut cut, int limit) {
        Map<Long, String> due = new LinkedHashMap<>();
        named.query("""
                SELECT l.id, l.message_id FROM desk.intake_log l
                WHERE l.mailbox_expunged_at IS NULL AND l.message_id IS NOT NULL AND""" + " " + MAIL_DUE + " ORDER BY l.id" + RetentionCut.first(limit), cut.params(), rs -> {
            due.put(rs.getLong(1), rs.getString(2));
        });
        return due;
    }

    /** Marks the entries' mails as expunged from the processed folder. */
    void processedMailExpunged(Collection<Long> ids, OffsetDateTime now) {
        named.update(
                "UPDATE desk.intake_log SET mailbox_expunged_at = :now WHERE id IN (:ids)",
                new MapSqlParameterSource("ids", List.copyOf(ids)).addValue("now", now));
    }

    @Override
    public List<Mail> mailsOf(long requestId) {
        return jdbc.query(
                "SELECT id, read_at, subject, outcome, attachment_count FROM desk.intake_log WHERE request_id = ? ORDER BY id",
                (rs, i) -> new Mail(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5)),
                requestId);
    }

    public Optional<Long> findByKey(String messageKey) {
        return jdbc
                .queryForList("SELECT id FROM desk.intake_log WHERE message_key = ?", Long.class, messageKey)
                .stream()
                .findFirst();
    }

    /** Records a mail; with a key it claims the message (a second claim fails on the unique constraint). */
    long insert(
            IncomingMail mail,
            String messageKey,
            IntakeOutcome outcome,
            String reason,
            List<String> phones,
            String accountNumber,
            String rawFile,
            Long duplicateOf) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO desk.intake_log (message_key, message_id, read_at, arrived_at, size_bytes, sender_address,
                        sender_name, sender_phones, account_number, subject, outcome, reason, duplicate_of, raw_file)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    ps.setString(1, messageKey);
                    ps.setString(2, cut(mail.messageId(), 998));
                    ps.setObject(3, now());
                    ps.setObject(
                            4,
                            mail.receivedAt() == null ? null : mail.receivedAt().atOffset(ZoneOffset.UTC));
                    ps.setLong(5, mail.raw().size());
                    ps.setString(6, cut(mail.fromAddress(), 320));
                    ps.setString(7, cut(mail.fromName(), 200));
                    ps.setString(8, phones == null || phones.isEmpty() ? null : cut(String.join(", ", phones), 400));
                    ps.setString(9, accountNumber);
                    ps.setString(10, cut(mail.subject(), 998));
                    ps.setString(11, outcome.name());
                    ps.setString(12, cut(reason, 400));
                    if (duplicateOf == null) {
                        ps.setNull(13, Types.BIGINT);
                    } else {
                        ps.setLong(13, duplicateOf);
                    }
                    ps.setString(14, rawFile);
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    void complete(
            long id,
            IntakeOutcome outcome,
            String reason,
            RequestType type,
            Long requestId,
            String reference,
            String triageInstanceId,
            int attachmentCount) {
        jdbc.update(
                """
                        UPDATE desk.intake_log SET outcome = ?, reason = ?, request_type = ?, request_id = ?,
                            request_reference = ?, triage_instance_id = ?, attachment_count = ? WHERE id = ?""",
                outcome.name(),
                cut(reason, 400),
                type == null ? null : type.name(),
                requestId,
                reference,
                triageInstanceId,
                attachmentCount,
                id);
    }

    /** A privacy officer's triage decision. */
    void resolve(
            long id, String resolution, String reason, String by, RequestType type, Long requestId, String reference) {
        jdbc.update(
                """
                        UPDATE desk.intake_log SET resolution = ?, resolution_reason = ?, resolved_by = ?, resolved_at = ?,
                            request_type = COALESCE(?, request_type), request_id = COALESCE(?, request_id),
                            request_reference = COALESCE(?, request_reference) WHERE id = ?""",
                resolution,
                cut(reason, 64),
                by,
                now(),
                type == null ? null : type.name(),
                requestId,
                reference,
                id);
    }

    public Optional<Entry> find(long id) {
        return jdbc.query("SELECT * FROM desk.intake_log WHERE id = ?", ENTRY, id).stream()
                .findFirst();
    }

    /** Rows for a Message-ID (as the header had it), oldest first. */
    public List<Entry> findByMessageId(String messageId) {
        return jdbc.query("SELECT * FROM desk.intake_log WHERE message_id = ? ORDER BY id", ENTRY, messageId);
    }

    /** The request a reply belongs to, when it answers a mail that started or joined one. */
    Optional<String> referenceForMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return named.queryForList("""
                        SELECT request_reference FROM desk.intake_log
                        WHERE message_id IN (:ids) AND request_reference IS NOT NULL ORDER BY id DESC""", new MapSqlParameterSource("ids", messageIds), String.class).stream()
                .findFirst();
    }

    void insertAttachment(
            long intakeId,
            Long requestId,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String storedPath,
            String refusedReason) {
        jdbc.update(
                """
                        INSERT INTO desk.intake_attachment (intake_id, request_id, file_name, content_type, size_bytes,
                            sha256, stored_path, refused_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                intakeId,
                requestId,
                cut(fileName, 255),
                cut(contentType, 127),
                size,
                sha256,
                storedPath,
                cut(refusedReason, 200));
    }

    void linkAttachments(long intakeId, long requestId) {
        jdbc.update("UPDATE desk.intake_attachment SET request_id = ? WHERE intake_id = ?", requestId, intakeId);
    }

    public List<Attachment> attachments(long intakeId) {
        return jdbc.query("SELECT * FROM desk.intake_attachment WHERE intake_id = ? ORDER BY id", ATTACHMENT, intakeId);
    }

    /** The attachments' files are gone from the store: what the log keeps is their type, size and SHA-256. */
    void attachmentFilesDeleted(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            named.update(
                    "UPDATE desk.intake_attachment SET stored_path = NULL WHERE id IN (:ids)",
                    new MapSqlParameterSource("ids", List.copyOf(ids)));
        }
    }

    public List<Attachment> attachmentsOfRequest(long requestId) {
        return jdbc.query(
                "SELECT * FROM desk.intake_attachment WHERE request_id = ? ORDER BY id", ATTACHMENT, requestId);
    }

    private OffsetDateTime now() {
        return Instant.now(clock).atOffset(ZoneOffset.UTC);
    }

    /** Fits a value to its column; NUL characters (which PostgreSQL refuses in text) are dropped. */
    static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\u0000') >= 0 ? value.replace("\u0000", "") : value;
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    private static final RowMapper<Entry> ENTRY = (rs, i) -> {
        String phones = rs.getString("sender_phones");
        String type = rs.getString("request_type");
        long requestId = rs.getLong("request_id");
        boolean hasRequest = !rs.wasNull();
        long duplicateOf = rs.getLong("duplicate_of");
        boolean isDuplicate = !rs.wasNull();
        long size = rs.getLong("size_bytes");
        boolean hasSize = !rs.wasNull();
        return new Entry(
                rs.getLong("id"),
                rs.getString("message_key"),
                rs.getString("message_id"),
                rs.getObject("read_at", OffsetDateTime.class),
                rs.getObject("arrived_at", OffsetDateTime.class),
                hasSize ? size : null,
                rs.getString("sender_address"),
                rs.getString("sender_name"),
                phones == null ? List.of() : List.of(phones.split(",\\s*")),
                rs.getString("account_number"),
                rs.getString("subject"),
                IntakeOutcome.valueOf(rs.getString("outcome")),
                rs.getString("reason"),
                type == null ? null : RequestType.valueOf(type),
                hasRequest ? requestId : null,
                rs.getString("request_reference"),
                isDuplicate ? duplicateOf : null,
                rs.getString("triage_instance_id"),
                rs.getString("raw_file"),
                rs.getInt("attachment_count"),
                rs.getString("resolution"),
                rs.getString("resolution_reason"),
                rs.getString("resolved_by"),
                rs.getObject("resolved_at", OffsetDateTime.class));
    };

    private static final RowMapper<Attachment> ATTACHMENT = (rs, i) -> {
        long requestId = rs.getLong("request_id");
        boolean hasRequest = !rs.wasNull();
        return new Attachment(
                rs.getLong("id"),
                rs.getLong("intake_id"),
                hasRequest ? requestId : null,
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("stored_path"),
                rs.getString("refused_reason"));
    };
}

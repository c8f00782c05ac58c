package uk.lucidservices.privacydesk.erasure;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Art. 19: every recipient the data map lists for a category that was actually erased is told of
 * the erasure, unless that is recorded as impossible (with the reason).
 */
@Service
public class RecipientNotices {

    public static final String PENDING = "PENDING";
    public static final String NOTIFIED = "NOTIFIED";
    public static final String IMPOSSIBLE = "IMPOSSIBLE";
    private static final Set<String> OUTCOMES = Set.of(NOTIFIED, IMPOSSIBLE);

    private final JdbcTemplate jdbc;
    private final DataMap dataMap;
    private final ErasureRunItems runItems;
    private final ErasureSubjects subjects;
    private final ErasureCases cases;
    private final RequestRegister register;

    public RecipientNotices(
            JdbcTemplate jdbc,
            DataMap dataMap,
            ErasureRunItems runItems,
            ErasureSubjects subjects,
            ErasureCases cases,
            RequestRegister register) {
        this.jdbc = jdbc;
        this.dataMap = dataMap;
        this.runItems = runItems;
        this.subjects = subjects;
        this.cases = cases;
        this.register = register;
    }

    public record Notice(
            String recipient,
            List<String> categories,
            String status,
            String note,
            String recordedBy,
            OffsetDateTime recordedAt) {}

    /** Creates a notice for each recipient of erased data (idempotent) and returns all of the request's notices. */
    @Transactional
    public List<Notice> listToNotify(String reference) {
        subjects.request(reference);
        Set<String> erased = runItems.items(reference).stream()
                .filter(ErasureRunItem::erasedSomething)
                .map(ErasureRunItem::categoryId)
                .collect(Collectors.toSet());
        Map<String, List<String>> byRecipient = new LinkedHashMap<>();
        for (Category c : dataMap.categories()) {
            if (erased.contains(c.id())) {
                for (String recipient : c.recipients()) {
                    byRecipient
                            .computeIfAbsent(recipient, r -> new ArrayList<>())
                            .add(c.id());
                }
            }
        }
        byRecipient.forEach((recipient, categories) -> {
            String joined = String.join(",", categories);
            int updated = jdbc.update(
                    "UPDATE desk.recipient_notice SET categories = ? WHERE reference = ? AND recipient = ?",
                    joined,
                    reference,
                    recipient);
            if (updated == 0) {
                jdbc.update(
                        "INSERT INTO desk.recipient_notice (reference, recipient, categories, status) VALUES (?, ?, ?, ?)",
                        reference,
                        recipient,
                        joined,
                        PENDING);
            }
        });
        return notices(reference);
    }

    /**
     * Every recipient of the request, in a fixed order: the multi-instance collection of the notice
     * tasks. (A sequential multi-instance reads its collection again for each element, so the list
     * must not shrink as notices are recorded.)
     */
    public List<String> recipients(String reference) {
        return jdbc.queryForList(
                "SELECT recipient FROM desk.recipient_notice WHERE reference = ? ORDER BY id", String.class, reference);
    }

    /** Recipients still to be told. */
    public List<String> pendingRecipients(String reference) {
        return jdbc.queryForList(
                "SELECT recipient FROM desk.recipient_notice WHERE reference = ? AND status = ? ORDER BY id",
                String.class,
                reference,
                PENDING);
    }

    @Transactional
    public Notice record(String reference, String recipient, String status, String note, String userId) {
        Request request = subjects.request(reference);
        String outcome = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
        if (!OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException(
                    "Record the notice to '" + recipient + "' as " + NOTIFIED + " or " + IMPOSSIBLE);
        }
        if (IMPOSSIBLE.equals(outcome) && (note == null || note.isBlank())) {
            throw new IllegalArgumentException(
                    "Say why telling '" + recipient + "' is impossible or would take disproportionate effort");
        }
        int updated = jdbc.update(
                """
                UPDATE desk.recipient_notice SET status = ?, note = ?, recorded_by = ?, recorded_at = ?
                WHERE reference = ? AND recipient = ?""",
                outcome,
                note == null || note.isBlank() ? null : note.trim(),
                userId,
                cases.now(),
                reference,
                recipient);
        if (updated == 0) {
            throw new IllegalArgumentException("'" + recipient + "' is not a recipient to notify for " + reference);
        }
        register.record(request.id(), "RECIPIENT_NOTICE", userId, "Notice to " + recipient + ": " + outcome);
        return notices(reference).stream()
                .filter(n -> n.recipient().equals(recipient))
                .findFirst()
                .orElseThrow();
    }

    public List<Notice> notices(String reference) {
        return jdbc.query("SELECT * FROM desk.recipient_notice WHERE reference = ? ORDER BY id", ROW, reference);
    }

    private static final RowMapper<Notice> ROW = (rs, i) -> new Notice(
            rs.getString("recipient"),
            Arrays.asList(rs.getString("categories").split(",")),
            rs.getString("status"),
            rs.getString("note"),
            rs.getString("recorded_by"),
            rs.getObject("recorded_at", OffsetDateTime.class));
}

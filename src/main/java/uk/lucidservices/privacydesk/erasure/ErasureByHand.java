package uk.lucidservices.privacydesk.erasure;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.InvalidRequestException;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RetainedData;
import uk.lucidservices.privacydesk.request.StoreSweep;

/**
 * Erasure by hand in the manual systems of the plan (a social-media inbox the desk cannot reach):
 * per item, what the officer recorded, DONE with evidence (a short note and/or files such as a
 * screenshot showing the post is gone) or NOT_POSSIBLE with the reason. Owns
 * {@code desk.erasure_by_hand} and {@code desk.erasure_evidence_file}; the files live in the desk's
 * file store beside the copies a hand search finds ({@code manual/<reference>/}), never in the
 * engine. The note and files are personal data: only the register learns that something was
 * recorded (category, outcome, sizes), never what.
 */
@Service
public class ErasureByHand implements RetainedData {

    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_NOTE = 2000;
    static final int MAX_REASON = 500;

    enum Outcome {
        DONE,
        NOT_POSSIBLE
    }

    record EvidenceFile(long id, String fileName, long sizeBytes, String sha256, String storedPath) {}

    /** One by-hand item of the plan, in human words from the data map, with what was recorded. */
    record Item(
            String categoryId,
            String name,
            String system,
            String action,
            Outcome outcome,
            boolean hasNote,
            String reason,
            String recordedBy,
            OffsetDateTime recordedAt,
            List<EvidenceFile> files) {

        /** Done, and something shows it: a note or at least one file. */
        boolean doneWithEvidence() {
            return outcome == Outcome.DONE && (hasNote || !files.isEmpty());
        }

        boolean notPossible() {
            return outcome == Outcome.NOT_POSSIBLE && reason != null && !reason.isBlank();
        }
    }

    private final JdbcTemplate jdbc;
    private final ErasurePlan plan;
    private final ErasureCases cases;
    private final ErasureSubjects subjects;
    private final DataMap dataMap;
    private final FileStore files;
    private final RequestRegister register;

    public ErasureByHand(
            JdbcTemplate jdbc,
            ErasurePlan plan,
            ErasureCases cases,
            ErasureSubjects subjects,
            DataMap dataMap,
            FileStore files,
            RequestRegister register) {
        this.jdbc = jdbc;
        this.plan = plan;
        this.cases = cases;
        this.subjects = subjects;
        this.dataMap = dataMap;
        this.files = files.area(FileStore.MANUAL);
        this.register = register;
    }

    /** Whether the plan has anything to erase by hand: the process's gateway before the task. */
    public boolean anyToDo(String reference) {
        return plan.items(reference).stream().anyMatch(ErasurePlanItem::toEraseByHand);
    }

    /** The plan's by-hand items, in erasure order, with what was recorded for each. */
    List<Item> items(String reference) {
        Map<String, Object[]> recorded = new LinkedHashMap<>();
        jdbc.query(
                "SELECT category_id, outcome, note IS NOT NULL AS has_note, reason, recorded_by, recorded_at"
                        + " FROM desk.erasure_by_hand WHERE reference = ?",
                rs -> {
                    recorded.put(rs.getString("category_id"), new Object[] {
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getBoolean("has_note"),
                        rs.getString("reason"),
                        rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class)
                    });
                },
                reference);
        Map<String, List<EvidenceFile>> evidence = new LinkedHashMap<>();
        for (Map.Entry<String, EvidenceFile> f : evidenceFiles(reference)) {
            evidence.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue());
        }
        List<Item> items = new ArrayList<>();
        for (ErasurePlanItem item : plan.items(reference)) {
            if (!item.toEraseByHand()) {
                continue;
            }
            Optional<Category> category = dataMap.category(item.categoryId());
            Object[] r = recorded.get(item.categoryId());
            items.add(new Item(
                    item.categoryId(),
                    category.map(Category::name).orElse(item.categoryId()),
                    item.system(),
                    item.action().name(),
                    r == null ? null : (Outcome) r[0],
                    r != null && (Boolean) r[1],
                    r == null ? null : (String) r[2],
                    r == null ? null : (String) r[3],
                    r == null ? null : (OffsetDateTime) r[4],
                    List.copyOf(evidence.getOrDefault(item.categoryId(), List.of()))));
        }
        return items;
    }

    /**
     * Records the item erased by hand; the note (optional when a file shows it) is evidence, kept out
     * of logs. Recorded again without a note, it keeps the note written before.
     */
    @Transactional
    public void recordDone(String reference, String categoryId, String note, String userId) {
        String text = trimmed(note, MAX_NOTE, "The note");
        Request request = openItem(reference, categoryId);
        upsert(reference, categoryId, Outcome.DONE, text, null, userId);
        register.record(
                request.id(),
                "ERASED_BY_HAND",
                userId,
                categoryId + ": recorded done" + (text == null ? "" : " with a note"));
    }

    /** Records that the item could not be erased by hand, and why (the reason goes in the letter: no personal data). */
    @Transactional
    public void recordNotPossible(String reference, String categoryId, String reason, String userId) {
        String text = trimmed(reason, MAX_REASON, "The reason");
        if (text == null) {
            throw new InvalidRequestException("Say why it could not be erased");
        }
        Request request = openItem(reference, categoryId);
        upsert(reference, categoryId, Outcome.NOT_POSSIBLE, null, text, userId);
        register.record(request.id(), "NOT_ERASED_BY_HAND", userId, categoryId + ": recorded not possible");
    }

    /** Keeps a file that shows the item erased (a screenshot of the emptied inbox), for the record of the erasure. */
    @Transactional
    public EvidenceFile addEvidence(
            String reference, String categoryId, String fileName, byte[] content, String userId) {
        Request request = openItem(reference, categoryId);
        if (content == null || content.length == 0) {
            throw new InvalidRequestException("The file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidRequestException("The file is larger than 20 MB");
        }
        String name = safeName(fileName);
        String path = FileStore.MANUAL + "/" + safeName(reference) + "/erased-" + UUID.randomUUID() + "-" + name;
        files.write(path, content);
        String sha256 = ErasureCertificate.sha256(content);
        Long id = jdbc.queryForObject(
                """
                INSERT INTO desk.erasure_evidence_file (reference, category_id, file_name, size_bytes, sha256,
                    stored_path, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, reference, categoryId, name, content.length, sha256, path, userId, cases.now());
        register.record(
                request.id(),
                "ERASURE_EVIDENCE_ADDED",
                userId,
                categoryId + ": evidence file #" + id + " (" + content.length + " bytes)");
        return new EvidenceFile(id, name, content.length, sha256, path);
    }

    /**
     * The completion check of the task: every by-hand item recorded, DONE with evidence or
     * NOT_POSSIBLE with a reason. Names the items still open, never what was recorded.
     */
    void requireAllRecorded(String reference) {
        List<String> open = items(reference).stream()
                .filter(i -> !i.doneWithEvidence() && !i.notPossible())
                .map(i -> i.name() + " (" + i.system() + ")")
                .toList();
        if (!open.isEmpty()) {
            throw new InvalidRequestException("Record each item as erased, with a note or a file that shows it,"
                    + " or as not possible with the reason: " + String.join(", ", open));
        }
    }

    private Request openItem(String reference, String categoryId) {
        Request request = subjects.request(reference);
        if (request.closedAt() != null) {
            throw new InvalidRequestException(reference + " is closed: nothing more is recorded on it");
        }
        boolean byHand = plan.item(reference, categoryId)
                .map(ErasurePlanItem::toEraseByHand)
                .orElse(false);
        if (!byHand) {
            throw new InvalidRequestException("'" + categoryId + "' is not a system to erase by hand for " + reference);
        }
        return request;
    }

    private void upsert(
            String reference, String categoryId, Outcome outcome, String note, String reason, String userId) {
        OffsetDateTime now = cases.now();
        int updated =
                jdbc.update("""
                UPDATE desk.erasure_by_hand SET outcome = ?, note = CASE WHEN ? = 'DONE' THEN COALESCE(?, note) END,
                    reason = ?, recorded_by = ?, recorded_at = ?
                WHERE reference = ? AND category_id = ?""", outcome.name(), outcome.name(), note, reason, userId, now, reference, categoryId);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO desk.erasure_by_hand (reference, category_id, outcome, note, reason, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", reference, categoryId, outcome.name(), note, reason, userId, now);
        }
    }

    private List<Map.Entry<String, EvidenceFile>> evidenceFiles(String reference) {
        return jdbc.query(
                """
                SELECT id, category_id, file_name, size_bytes, sha256, stored_path FROM desk.erasure_evidence_file
                WHERE reference = ? AND stored_path IS NOT NULL ORDER BY id""",
                (rs, i) -> Map.entry(
                        rs.getString("category_id"),
                        new EvidenceFile(
                                rs.getLong("id"),
                                rs.getString("file_name"),
                                rs.getLong("size_bytes"),
                                rs.getString("sha256"),
                                rs.getString("stored_path"))),
                reference);
    }

    private static String trimmed(String text, int max, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw new InvalidRequestException(what + " is longer than " + max + " characters");
        }
        return t;
    }

    /** A file name safe as one path segment; the name says nothing the file does not. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]+", "_");
        name = name.replaceAll("^[._]+", "");
        if (name.isBlank()) {
            return "evidence";
        }
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    /**
     * The evidence goes when the erasure request's period is over: the note is cleared and the files
     * deleted with their names (a name can itself say whose it was); what was done (outcome, reason, who and when) stays as the record of the erasure.
     */
    @Override
    public List<StoreSweep> retentionSweeps() {
        return List.of(new StoreSweep(
                "erasure-evidence",
                "SELECT e.reference, e.stored_path FROM desk.erasure_evidence_file e WHERE e.stored_path IS NOT NULL"
                        + " AND e.reference IN (" + RequestRegister.DUE_REQUEST_REFERENCES + ")"
                        + " UNION ALL SELECT h.reference, NULL FROM desk.erasure_by_hand h WHERE h.note IS NOT NULL"
                        + " AND h.reference IN (" + RequestRegister.DUE_REQUEST_REFERENCES + ") ORDER BY 1",
                FileStore.MANUAL,
                "UPDATE desk.erasure_evidence_file SET stored_path = NULL, file_name = 'deleted' WHERE reference IN (:ids)",
                "UPDATE desk.erasure_by_hand SET note = NULL WHERE reference IN (:ids)"));
    }
}

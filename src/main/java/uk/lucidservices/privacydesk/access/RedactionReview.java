package uk.lucidservices.privacydesk.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.RecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Items in the subject's records that may identify other people (the data map's
 * third-party-fields: complaint parties, the agent on a call, call audio, chat text, free-text
 * fields) are flagged one per record and field; a privacy officer keeps, redacts or withholds each,
 * with a reason. A record of a person-level category that only the subject's account reached
 * (another caller on a shared line) is flagged as a whole, as field {@value #VIA_ACCOUNT}: the pack
 * holds it only if that item is kept. The pack applies the decisions and refuses to build while any
 * item is undecided.
 */
@Service
public class RedactionReview {

    private static final int BATCH = 500;

    /** The item that stands for a whole record found only through the subject's account. */
    public static final String VIA_ACCOUNT = "via-account";

    private final DataMap dataMap;
    private final RecordSources sources;
    private final VerifiedIdentifiers identifiers;
    private final RequestRegister register;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RedactionReview(
            DataMap dataMap,
            RecordSources sources,
            VerifiedIdentifiers identifiers,
            RequestRegister register,
            JdbcTemplate jdbc,
            Clock clock) {
        this.dataMap = dataMap;
        this.sources = sources;
        this.identifiers = identifiers;
        this.register = register;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One flagged item, named the way the review form's exceptions name it. */
    public record ItemKey(String categoryId, long recordId, String field) {
        @Override
        public String toString() {
            return categoryId + ":" + recordId + ":" + field;
        }
    }

    /** An officer's decision on one item. */
    public record ItemDecision(ItemKey item, Decision decision, String reason) {}

    /**
     * Flags every non-empty third-party field of the subject's records. Running it again adds
     * what is new and keeps decisions already made. Returns how many items the request has.
     */
    @Transactional
    public int flag(String reference) {
        long requestId = register.get(reference).id();
        Subject subject = identifiers.subject(reference);
        // Items already flagged are read once and skipped here. A per-row "insert where not exists" was
        // quadratic on PostgreSQL whenever the statement's cached plan dated from an empty table: a
        // 100,000-record pack never finished flagging on a fresh database.
        Set<ItemKey> flagged = new HashSet<>(items(reference));
        List<Object[]> batch = new ArrayList<>(BATCH);
        for (Category category : dataMap.searchable()) {
            boolean ownRowsFlagged = !category.thirdPartyFields().isEmpty();
            if (!ownRowsFlagged && !category.personLevel()) {
                continue;
            }
            for (RecordSource source : sources.handling(category)) {
                if (ownRowsFlagged) {
                    source.forEachRecord(
                            category, subject, row -> flagFields(reference, category, row, flagged, batch));
                }
                if (category.personLevel()) {
                    source.forEachRecordViaAccountOnly(category, subject, row -> {
                        long recordId = ((Number) row.get("id")).longValue();
                        if (flagged.add(new ItemKey(category.id(), recordId, VIA_ACCOUNT))) {
                            batch.add(new Object[] {reference, category.id(), recordId, VIA_ACCOUNT});
                        }
                        flagFields(reference, category, row, flagged, batch);
                    });
                }
                insert(batch);
            }
        }
        int items = count(reference);
        register.record(requestId, "THIRD_PARTY_FLAGGED", "desk", "items=" + items);
        return items;
    }

    private void flagFields(
            String reference, Category category, Map<String, Object> row, Set<ItemKey> flagged, List<Object[]> batch) {
        long recordId = ((Number) row.get("id")).longValue();
        for (String field : category.thirdPartyFields()) {
            Object value = row.get(field);
            if (value != null
                    && !value.toString().isBlank()
                    && flagged.add(new ItemKey(category.id(), recordId, field))) {
                batch.add(new Object[] {reference, category.id(), recordId, field});
            }
        }
        if (batch.size() >= BATCH) {
            insert(batch);
        }
    }

    private void insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO desk.redaction_item (reference, category_id, record_id, field) VALUES (?, ?, ?, ?)",
                batch);
        batch.clear();
    }

    public int count(String reference) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM desk.redaction_item WHERE reference = ?", Integer.class, reference);
        return n == null ? 0 : n;
    }

    public int undecided(String reference) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM desk.redaction_item WHERE reference = ? AND decision IS NULL",
                Integer.class,
                reference);
        return n == null ? 0 : n;
    }

    public List<ItemKey> items(String reference) {
        return jdbc.query(
                "SELECT category_id, record_id, field FROM desk.redaction_item WHERE reference = ? ORDER BY category_id, record_id, field",
                (rs, i) -> new ItemKey(rs.getString(1), rs.getLong(2), rs.getString(3)),
                reference);
    }

    /** A flagged item with its decision, reason and decider (all null while undecided). */
    public record Flagged(ItemKey key, String decision, String reason, String decidedBy) {}

    public List<Flagged> flagged(String reference) {
        return jdbc.query(
                "SELECT category_id, record_id, field, decision, reason, decided_by FROM desk.redaction_item WHERE reference = ?",
                (rs, i) -> new Flagged(
                        new ItemKey(rs.getString(1), rs.getLong(2), rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                reference);
    }

    /**
     * Applies a default decision to every flagged item, then the exceptions, in one transaction:
     * an exception naming an item that was not flagged rejects the whole set.
     */
    @Transactional
    public void decide(
            String reference,
            Decision defaultDecision,
            String defaultReason,
            List<ItemDecision> exceptions,
            String userId) {
        long requestId = register.get(reference).id();
        OffsetDateTime now = now();
        if (count(reference) > 0) {
            requireReason(defaultReason, "the default decision");
            jdbc.update(
                    "UPDATE desk.redaction_item SET decision = ?, reason = ?, decided_by = ?, decided_at = ? WHERE reference = ?",
                    defaultDecision.name(),
                    defaultReason.trim(),
                    userId,
                    now,
                    reference);
        }
        for (ItemDecision d : exceptions) {
            decideOne(reference, d, userId, now);
        }
        Map<Decision, Integer> counts = decisionCounts(reference);
        register.record(
                requestId,
                "REDACTION_DECIDED",
                userId,
                "keep=" + counts.get(Decision.KEEP) + "; redact=" + counts.get(Decision.REDACT) + "; withhold="
                        + counts.get(Decision.WITHHOLD));
    }

    @Transactional
    public void decide(String reference, ItemDecision decision, String userId) {
        decideOne(reference, decision, userId, now());
    }

    private void decideOne(String reference, ItemDecision d, String userId, OffsetDateTime now) {
        requireReason(d.reason(), d.item().toString());
        int updated = jdbc.update(
                """
                        UPDATE desk.redaction_item SET decision = ?, reason = ?, decided_by = ?, decided_at = ?
                        WHERE reference = ? AND category_id = ? AND record_id = ? AND field = ?""",
                d.decision().name(),
                d.reason().trim(),
                userId,
                now,
                reference,
                d.item().categoryId(),
                d.item().recordId(),
                d.item().field());
        if (updated == 0) {
            throw new IllegalArgumentException("Item " + d.item() + " was not flagged for " + reference);
        }
    }

    public Map<Decision, Integer> decisionCounts(String reference) {
        Map<Decision, Integer> counts = new HashMap<>();
        for (Decision d : Decision.values()) {
            counts.put(d, 0);
        }
        jdbc.query(
                "SELECT decision, COUNT(*) FROM desk.redaction_item WHERE reference = ? AND decision IS NOT NULL GROUP BY decision",
                rs -> {
                    counts.put(Decision.valueOf(rs.getString(1)), rs.getInt(2));
                },
                reference);
        return counts;
    }

    /** The officers who decided on the request's items: none of them may approve its pack. */
    public List<String> deciders(String reference) {
        return jdbc.queryForList(
                "SELECT DISTINCT decided_by FROM desk.redaction_item WHERE reference = ? AND decided_by IS NOT NULL",
                String.class,
                reference);
    }

    /**
     * The request's redactions and withholdings in one category, and the records found only through
     * the account that the reviewer kept (other kept items are not listed).
     */
    public Redactions redactions(String reference, String categoryId) {
        Map<Long, Map<String, Decision>> byRecord = new HashMap<>();
        jdbc.query(
                """
                        SELECT record_id, field, decision FROM desk.redaction_item
                        WHERE reference = ? AND category_id = ? AND (decision IN ('REDACT', 'WITHHOLD')
                            OR (field = ? AND decision = 'KEEP'))""",
                rs -> {
                    byRecord.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getString(2), Decision.valueOf(rs.getString(3)));
                },
                reference,
                categoryId,
                VIA_ACCOUNT);
        return new Redactions(byRecord);
    }

    private static void requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give a reason for " + what);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
